using Micrograd.Functional;
using static Micrograd.Playground.Tests.Expressions.Programs;

namespace Micrograd.Playground.Tests.Expressions;

/// <summary>Python's precedence and associativity, against values worked by hand.</summary>
public sealed class PrecedenceTests
{
    [Theory]
    [InlineData("x = 2 + 3 * 4", 14.0)]
    [InlineData("x = (2 + 3) * 4", 20.0)]
    [InlineData("x = 10 - 4 - 3", 3.0)] // left-associative: (10 − 4) − 3
    [InlineData("x = 64 / 4 / 2", 8.0)] // (64 / 4) / 2
    [InlineData("x = 2 ** 3 ** 2", 512.0)] // right-associative: 2^(3^2)
    [InlineData("x = -2 ** 2", -4.0)] // unary minus binds less tightly than **: −(2²)
    [InlineData("x = 2 ** -1", 0.5)] // a unary minus in the exponent
    [InlineData("x = 2 * -3", -6.0)]
    [InlineData("x = --2", 2.0)]
    [InlineData("x = -(-3)", 3.0)]
    [InlineData("x = 1 - 2 * 3 ** 2 / 6", -2.0)] // 1 − ((2·9) / 6)
    [InlineData("x = .5 + 1e-1 + 2.", 2.6)]
    public void Numbers_follow_Pythons_precedence_and_associativity(string source, double expected) =>
        Assert.Equal(expected, Run(source).Output.Data, 12);

    [Theory]
    [InlineData("y = -a**2", -9.0)] // −(a²)
    [InlineData("y = a**2**-1", 1.7320508075688772)] // a^(2^−1) = √3
    [InlineData("y = a - a - a", -3.0)]
    [InlineData("y = a / a / a", 1.0 / 3.0)]
    [InlineData("y = (a + 1) * (a - 1)", 8.0)]
    [InlineData("y = -a.relu()", -3.0)] // the method binds before the minus
    public void Values_follow_the_same_precedence(string line, double expected) =>
        Assert.Equal(expected, Run("a = Value(3.0)\n" + line).Output.Data, 12);

    [Fact]
    public void Two_numbers_combine_as_a_double_before_they_meet_a_Value()
    {
        var ran = Run("a = Value(1.0)\ny = a * (2 + 3)");
        Assert.Equal(3, ran.NodeCount); // a, the constant 5, the product: no nodes for 2 + 3
        Assert.Equal(5.0, ran.Output.Operands[1].Data);
    }

    [Fact]
    public void A_number_exponent_of_a_Value_is_a_constant_exponent_and_a_Value_exponent_is_differentiable()
    {
        var ran = Run("a = Value(2.0)\nb = Value(3.0)\nc = a ** 3 ** 2\nd = a ** b\ne = 2 ** b");
        Assert.Equal((Op.Pow, 9.0), (ran.Variable("c").Op, ran.Variable("c").Exponent.IfNone(0)));
        Assert.Equal(Op.PowValue, ran.Variable("d").Op);
        Assert.Equal(Op.PowValue, ran.Variable("e").Op); // the number base becomes a constant leaf
        Assert.Equal(8.0, ran.Variable("e").Data);
    }

    [Fact]
    public void A_number_on_the_left_is_built_as_micrograds_reflected_operator()
    {
        var ran = Run("d = Value(5.0)\nx = 3 * d\ny = 1 + d\nz = 10.0 / d\nw = 1 - d");
        Assert.Same(ran.Variable("d"), ran.Variable("x").Operands[0]); // d · 3, as __rmul__
        Assert.Same(ran.Variable("d"), ran.Variable("y").Operands[0]); // d + 1, as __radd__
        Assert.Equal(Op.Pow, ran.Variable("z").Operands[0].Op); // d⁻¹ · 10
        Assert.Equal(-4.0, ran.Variable("w").Data);
    }

    [Fact]
    public void A_compound_assignment_rebinds_the_name_to_a_new_node_as_in_Python()
    {
        var ran = Run("c = Value(1.0)\nc0 = c\nc += c + 1\nc -= 2\nc *= 3\nc /= 4");
        Assert.Equal(((1 + (1 + 1)) - 2) * 3 / 4.0, ran.Variable("c").Data);
        Assert.Equal(1.0, ran.Variable("c0").Data); // the old node is unchanged
        Assert.Equal(["c", "c0"], ran.Variables.Select(v => v.Name));
    }

    [Fact]
    public void A_bare_number_assigned_to_a_name_is_a_leaf_with_a_gradient()
    {
        var ran = Run("a = -4.0\nb = a * a");
        Assert.Equal(Op.Leaf, ran.Variable("a").Op);
        Assert.Equal(-8.0, ran.Output.Backward()[ran.Variable("a")]);
    }

    [Fact]
    public void Semicolons_comments_blank_lines_and_new_lines_inside_parentheses_are_accepted()
    {
        var ran = Run("# a comment\n\na = Value(2.0); b = Value(3.0)  # another\ny = max(a,\n        b) * (a\n + 1)\n");
        Assert.Equal(9.0, ran.Output.Data);
    }

    [Fact]
    public void The_output_is_the_variable_of_backward_at_that_line_else_the_last_assignment()
    {
        Assert.Equal(2.0, Run("a = Value(2.0)\nb = a * 3\na.backward()\nb = a * 5").Output.Data);
        Assert.Equal(10.0, Run("a = Value(2.0)\nb = a * 3\nb = a * 5").Output.Data);
    }
}
