using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Micrograd.Playground.Expressions;

namespace Micrograd.Playground.Tests.Expressions;

/// <summary>Whatever is typed, the language gives a result or one short error with a position; it never throws.</summary>
public sealed class FuzzProperties
{
    private static readonly Gen<string> Alphabet = Gen.ArrayOf(Gen.Elements("ab1.e+-*/()=,;#\n xV_rlu ".ToCharArray())).Select(cs => new string(cs));

    [Property(MaxTest = 1000)]
    public Property Random_strings_give_a_result_or_a_bounded_error_and_never_throw() =>
        Prop.ForAll(Gen.OneOf(ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""), Alphabet).ToArbitrary(), Check);

    [Property(MaxTest = 1000)]
    public Property Random_token_soups_give_a_result_or_a_bounded_error_and_never_throw() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements(RandomPrograms.Soup)).Select(string.Concat).ToArbitrary(), Check);

    [Property(MaxTest = 200)]
    public Property Random_valid_programs_run() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).Select(RandomPrograms.Make).ToArbitrary(), source =>
            Assert.Null(Expression.Run(source).Error));

    private static void Check(string source)
    {
        var result = Expression.Run(source);
        Assert.True(result.Evaluation is null != result.Error is null);
        if (result.Error is { } error)
        {
            var text = error.ToString();
            Assert.True(text.Length <= 300, text);
            Assert.DoesNotContain('\n', text);
            Assert.InRange(error.Line, 1, source.Count(c => c == '\n') + 1);
            Assert.True(error.Column >= 1, text);
        }
    }
}
