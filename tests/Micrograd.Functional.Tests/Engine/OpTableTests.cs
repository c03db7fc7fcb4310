namespace Micrograd.Functional.Tests.Engine;

/// <summary>The op table defines the primitives only: a leaf or a custom op has no row, and asking for one is an error naming the op, not a number.</summary>
public class OpTableTests
{
    [Theory]
    [InlineData(Op.Leaf)]
    [InlineData(Op.Custom)]
    public void A_leaf_or_a_custom_op_has_no_formula_or_rule_in_the_table(Op op)
    {
        var forward = Assert.Throws<ArgumentOutOfRangeException>(() => Calculus.Forward(op, 1.0, 2.0, 0.0));
        var rule = Assert.Throws<ArgumentOutOfRangeException>(() => Calculus.Partials(op, new Value(1.0), new Value(2.0), new Value(3.0), 0.0));
        var both = Assert.Throws<ArgumentOutOfRangeException>(() => Calculus.Apply(op, 1.0, 2.0, 0.0));
        Assert.Equal(("op", "op", "op"), (forward.ParamName, rule.ParamName, both.ParamName));
        Assert.Equal(op, forward.ActualValue);
        Assert.Contains("A leaf or a custom op has no forward formula in the table.", forward.Message);
        Assert.Contains("A leaf or a custom op has no derivative rule in the table.", rule.Message);
        Assert.Contains("A leaf or a custom op has no forward formula in the table.", both.Message);
    }
}
