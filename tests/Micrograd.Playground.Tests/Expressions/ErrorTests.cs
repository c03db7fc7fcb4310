using Micrograd.Playground.Expressions;
using static Micrograd.Playground.Tests.Expressions.Programs;

namespace Micrograd.Playground.Tests.Expressions;

/// <summary>Each kind of mistake gives one error at its line and column (1-based), saying what is wrong.</summary>
public sealed class ErrorTests
{
    [Theory]
    [InlineData("a = Value(1.0)\nb = q + a", 2, 5, "`q` is not defined")]
    [InlineData("c += 1", 1, 1, "`c` is not defined")]
    [InlineData("y = relu + 1", 1, 5, "`relu` is not defined (`relu` is a function")]
    [InlineData("a = foo(1)", 1, 5, "`foo` is not a function; the functions are Value, relu, tanh")]
    [InlineData("a = max(1)", 1, 5, "`max` takes 2 arguments, got 1")]
    [InlineData("a = relu(1, 2)", 1, 5, "`relu` takes 1 argument, got 2")]
    [InlineData("a = Value()", 1, 5, "`Value` takes 1 argument, got 0")]
    [InlineData("a = 1.2.3", 1, 5, "`1.2.3` is not a number")]
    [InlineData("a = 1e", 1, 5, "`1e` is not a number")]
    [InlineData("a = 2x", 1, 5, "`2x` is not a number")]
    [InlineData("a = (1 + 2\nb = 3", 1, 5, "`(` is never closed")]
    [InlineData("a = max(1,\n  2", 1, 8, "`(` is never closed")]
    [InlineData("a = Value(1.0)\nb = a ** (2 +\n", 2, 10, "`(` is never closed")]
    [InlineData("a = 1 + 2)", 1, 10, "unmatched `)`")]
    [InlineData("a = )", 1, 5, "unmatched `)`")]
    [InlineData("a = (1 2)", 1, 8, "expected `)` or an operator, found `2`")]
    [InlineData("a = 1 2", 1, 7, "expected a new line or `;` after the statement, found `2`")]
    [InlineData("a = 1 +", 1, 8, "expected a number, a name or `(`, found the end of the program")]
    [InlineData("a = 1 % 2", 1, 7, "unexpected character `%` (the operators are + - * / ** only)")]
    [InlineData("a = 'x'", 1, 5, "unexpected character `'` (the language has no strings)")]
    [InlineData("a = Value(Value(1.0))", 1, 5, "`Value(...)` takes a number")]
    [InlineData("a = Value(1.0)\nb = a.backward()", 2, 7, "`backward()` is a statement of its own")]
    [InlineData("a = Value(1.0)\nb = a.grad", 2, 7, "`grad` is not a method; the methods are relu(), tanh()")]
    [InlineData("a = Value(1.0)\na.relu()", 2, 3, "a statement of its own can only be `a.backward()`")]
    [InlineData("a = Value(1.0)\na.backward(1)", 2, 12, "expected `)`: `backward()` takes no arguments")]
    [InlineData("a = Value(1.0)\na.backward()\na.backward()", 3, 1, "a program has one output, and line 2 already calls `a.backward()`")]
    [InlineData("relu = 3", 1, 1, "`relu` is a function and cannot be assigned to")]
    [InlineData("a == 3", 1, 4, "expected a number, a name or `(`, found `=`")]
    [InlineData("a < 3", 1, 3, "unexpected character `<`")]
    [InlineData("a b", 1, 3, "expected `=`, `+=`, `-=`, `*=` or `/=` after the name `a`, found `b`")]
    [InlineData("3 = a", 1, 1, "a statement starts with a variable name")]
    [InlineData("a = 1; print(a)", 1, 8, "`print(...)` is not supported")]
    [InlineData("a = Value(1.0)\nrelu(a)", 2, 1, "a call on its own does nothing: assign its result, e.g. `y = relu(...)`")]
    [InlineData("a = 1; import math", 1, 8, "imports are not needed")]
    [InlineData("\n\n  # nothing here", 3, 17, "the program has no output")]
    [InlineData("", 1, 1, "the program has no output")]
    public void A_mistake_is_reported_at_its_line_and_column(string source, int line, int column, string message)
    {
        var error = Fail(source);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"line {line}, column {column}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_error_in_the_text_is_the_one_reported()
    {
        var error = Fail("a = Value(1.0)\nb = a $ 2\nc = (");
        Assert.Equal((2, 7), (error.Line, error.Column));
    }

    [Fact]
    public void Quoted_text_is_cut_short_and_control_characters_are_escaped()
    {
        var error = Fail("a = 1" + new string('x', 500));
        Assert.Contains("`1xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…`", error.Message, StringComparison.Ordinal);
        Assert.True(error.ToString().Length < 200);
        Assert.Contains("`\\u0007`", Fail("a = \u0007").Message, StringComparison.Ordinal);
    }
}
