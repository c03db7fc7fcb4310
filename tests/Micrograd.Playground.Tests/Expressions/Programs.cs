using Micrograd.Functional;
using Micrograd.Playground.Expressions;

namespace Micrograd.Playground.Tests.Expressions;

/// <summary>Helpers shared by the expression tests: run a program that must succeed, or one that must fail.</summary>
internal static class Programs
{
    public static Evaluation Run(string source)
    {
        var result = Expression.Run(source);
        Assert.True(result.Error is null, $"{source} failed: {result.Error}");
        return result.Evaluation!;
    }

    public static ExpressionError Fail(string source)
    {
        var result = Expression.Run(source);
        Assert.True(result.Evaluation is null, $"{source} ran, but an error was expected");
        return result.Error!;
    }

    public static Value Variable(this Evaluation evaluation, string name) => evaluation.Variables.Single(v => v.Name == name).Value;

    public static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);
}
