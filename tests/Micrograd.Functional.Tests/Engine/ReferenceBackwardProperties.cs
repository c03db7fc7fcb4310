using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Micrograd.Functional.Tests.Engine;

/// <summary>
/// <c>ReferenceBackward</c>, the backward pass a learner reads (a dictionary, nodes newest first, the rule table,
/// the chain rule in one line), gives the same map as <see cref="Value.Backward"/> bit for bit: the fast machinery
/// computes exactly the same calculus.
/// </summary>
[Properties(Arbitrary = [typeof(ExpressionGraphs)], MaxTest = 300)]
public sealed class ReferenceBackwardProperties
{
    [Property]
    public void The_reference_backward_equals_Backward_bit_for_bit_on_random_graphs(RandomGraph graph)
    {
        var (_, output) = graph.Build();
        AssertSameBits(output);
    }

    [Property]
    public Property The_reference_backward_equals_Backward_bit_for_bit_at_any_inputs_infinities_and_NaN_included(RandomGraph graph)
    {
        // Outside the generator's safe domain too: kinks, ±∞, NaN, zeros.
        var special = Gen.Elements(0.0, -0.0, 1.0, -1.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1e308, -1e-308);
        var inputs = Gen.ArrayOf(Gen.OneOf(special, ArbMap.Default.GeneratorFor<double>()), graph.Inputs.Length).ToArbitrary();
        return Prop.ForAll(inputs, values =>
        {
            var output = graph.Build(values.Select(x => new Value(x)).ToArray());
            AssertSameBits(output);
        });
    }

    [Property]
    public void Stop_gradient_step_where_and_custom_ops_are_the_same_too(RandomGraph graph, double scale)
    {
        var (leaves, inner) = graph.Build();
        var cube = CustomOp.Unary("cube", x => x * x * x, x => 3 * x * x);
        var output = Where(inner, inner * scale) + leaves[0].Step() * inner.StopGradient() * leaves[0] + cube.Apply(inner)
            + inner.Exp().StopGradient() * double.PositiveInfinity // 0 passes through, not 0·∞
            + (leaves[0] * 0.0).Sqrt().StopGradient(); // √′(0) = ∞ below the stop: nothing flows there, not 0·∞
        AssertSameBits(output);
    }

    [Fact]
    public void A_million_deep_chain_is_differentiated_without_recursion()
    {
        var x = new Value(0.5);
        var y = x;
        for (var i = 0; i < 1_000_000; i++)
        {
            y = y * 1.0000001 + 1e-9;
        }

        Assert.Equal(Bits(y.Backward()[x]), Bits(ReferenceBackward.Of(y)[x]));
    }

    /// <summary>
    /// A double's bits, every NaN as one: when both operands of an addition are NaN, x64 returns the first one's sign
    /// and payload, and the JIT may swap a commutative operation's operands in one method and not in another. A NaN is
    /// a NaN in both passes; which NaN is not part of the calculus.
    /// </summary>
    internal static long Bits(double x) => double.IsNaN(x) ? BitConverter.DoubleToInt64Bits(double.NaN) : BitConverter.DoubleToInt64Bits(x);

    private static T Where<T>(T mask, T x) where T : IScalar<T> => T.Where(mask, x);

    private static void AssertSameBits(Value output)
    {
        var fast = output.Backward();
        var reference = ReferenceBackward.Of(output);
        Assert.Equal(fast.Count, reference.Count);
        foreach (var (node, grad) in reference)
        {
            Assert.True(fast.Contains(node), $"Backward has no gradient for {node}");
            Assert.Equal(Bits(fast[node]), Bits(grad));
        }
    }
}
