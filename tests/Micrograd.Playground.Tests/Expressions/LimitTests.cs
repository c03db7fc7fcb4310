using System.Diagnostics;
using Micrograd.Playground.Expressions;
using static Micrograd.Playground.Tests.Expressions.Programs;

namespace Micrograd.Playground.Tests.Expressions;

/// <summary>No program can hang or crash the page: each limit stops it early with a message naming the limit.</summary>
public sealed class LimitTests
{
    [Fact]
    public void A_100000_line_program_gets_the_length_limit_message_quickly()
    {
        var source = "a = Value(1.0)\n" + string.Concat(Enumerable.Repeat("a = a + 1\n", 100_000));
        var clock = Stopwatch.StartNew();
        var error = Fail(source);
        clock.Stop();

        Assert.Contains("ExpressionLimits.MaxSourceLength", error.Message, StringComparison.Ordinal);
        Assert.Contains("100,000", error.Message, StringComparison.Ordinal);
        Assert.Equal((10_000, 6), (error.Line, error.Column)); // 15 + 9,998 × 10 + 5 = the 100,000 characters before it
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("-", "")]
    [InlineData("relu(", ")")]
    public void Ten_thousand_nested_levels_get_the_nesting_message_without_overflowing_the_stack(string open, string close)
    {
        var source = "a = " + string.Concat(Enumerable.Repeat(open, 10_000)) + "1" + string.Concat(Enumerable.Repeat(close, 10_000));
        var error = Fail(source);
        Assert.Contains("nests deeper than 200 levels", error.Message, StringComparison.Ordinal);
        Assert.Contains("ExpressionLimits.MaxNesting", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
        Assert.Equal(5 + (200 * open.Length) + (open == "relu(" ? 4 : 0), error.Column); // the 201st level
    }

    [Fact]
    public void A_long_right_associative_power_tower_gets_the_nesting_message()
    {
        var error = Fail("a = 2" + string.Concat(Enumerable.Repeat(" ** 2", 10_000)));
        Assert.Contains("ExpressionLimits.MaxNesting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_hundred_nested_parentheses_are_still_accepted()
    {
        Assert.Equal(1.0, Run("a = " + new string('(', 200) + "1" + new string(')', 200)).Output.Data);
    }

    [Fact]
    public void A_graph_past_the_node_limit_stops_the_program_at_the_line_that_passed_it()
    {
        // Each line subtracts nine times; a − b is a + b·(−1): three new nodes per subtraction, 27 per line.
        var source = "a = Value(1.0)\n" + string.Concat(Enumerable.Repeat("a = a-a-a-a-a-a-a-a-a-a\n", 1_000));
        var error = Fail(source);
        Assert.Contains("20,000 nodes (ExpressionLimits.MaxNodes)", error.Message, StringComparison.Ordinal);
        Assert.Equal(2 + ((20_000 - 1) / 27), error.Line); // the line whose nodes pass 20,000
    }

    [Fact]
    public void A_long_left_associative_chain_is_evaluated_without_recursion()
    {
        var ran = Run("a = Value(1.0)\nb = a" + string.Concat(Enumerable.Repeat(" + a", 9_000)));
        Assert.Equal(9_001.0, ran.Output.Data);
        Assert.Equal(9_001.0, ran.Output.Backward()[ran.Variable("a")]);
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_refused()
    {
        var error = Fail(new string('n', 65) + " = 1");
        Assert.Contains("the limit is 64 (ExpressionLimits.MaxNameLength)", error.Message, StringComparison.Ordinal);
        Assert.Equal(1.0, Run(new string('n', 64) + " = 1").Output.Data);
    }
}
