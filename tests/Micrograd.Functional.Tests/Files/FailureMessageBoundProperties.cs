using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

namespace Micrograd.Functional.Tests.Files;

/// <summary>
/// Every failure message of both file readers is one bounded, printable line: at most 400 characters (untrusted
/// text cut to about 200 with an ellipsis) and no control character, whatever the file holds (issue 12).
/// </summary>
public sealed class FailureMessageBoundProperties : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("micrograd-bounded-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary><paramref name="valid"/> bit-flipped, or random bytes, or with <paramref name="token"/> replaced by a run
    /// of 300 to 100,000 letters, escape characters, NULs or newlines, each written by <paramref name="write"/>.</summary>
    private static Gen<MalformedFile> Hostile(string valid, string token, Func<char, string> write) =>
        Gen.OneOf(
            MalformedInputs.BitFlipped(Gen.Constant(MalformedInputs.Utf8(valid))),
            MalformedInputs.RandomBytes,
            from n in Gen.Choose(300, 100_000)
            from c in Gen.Elements('x', '\u001b', '\u0000', '\n')
            select new MalformedFile($"{n} x '{c}'", MalformedInputs.Utf8(valid.Replace(token, string.Concat(Enumerable.Repeat(write(c), n))))));

    [Property(MaxTest = 300)]
    public Property Every_csv_failure_message_is_at_most_400_characters_with_no_control_characters() =>
        Prop.ForAll(Hostile("x1,label\n0.5,1\n0.25,0\n", "0.5", c => c.ToString()).ToArbitrary(), file =>
        {
            var path = Path.Combine(_folder, "data.csv");
            File.WriteAllBytes(path, file.Bytes);
            Csv.Load(path).IfFail(e => Assert.True(e.Message.Length <= 400 && !e.Message.Any(char.IsControl), e.Message[..Math.Min(300, e.Message.Length)]));
        });

    [Property(MaxTest = 300)]
    public Property Every_model_failure_message_is_at_most_400_characters_with_no_control_characters() =>
        Prop.ForAll(Hostile("""{"format":"micrograd-functional/mlp","version":1,"inputs":1,"layers":[{"activation":"tanh","weights":[[0.5]],"biases":[0]}]}""", "tanh", c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()).ToArbitrary(), file =>
        {
            var path = Path.Combine(_folder, "model.json");
            File.WriteAllBytes(path, file.Bytes);
            ModelFile.Load(path).IfFail(e => Assert.True(e.Message.Length <= 400 && !e.Message.Any(char.IsControl), e.Message[..Math.Min(300, e.Message.Length)]));
        });
}
