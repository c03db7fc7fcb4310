using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Micrograd.Functional;
using Micrograd.Playground.Expressions;
using Micrograd.Playground.Stepping;
using Micrograd.Playground.Tests.Expressions;

namespace Micrograd.Playground.Tests.Stepping;

/// <summary>
/// The stepper is the backward pass: adding up its steps' contributions gives <see cref="Value.Backward"/>'s
/// gradient for every node, bit for bit, on random programs of every primitive the language has.
/// </summary>
public sealed class BackwardStepsProperties
{
    private static Arbitrary<string> Programs() => Gen.Choose(0, int.MaxValue).Select(RandomPrograms.Make).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Accumulating_the_steps_gives_Backwards_gradients_bit_for_bit() => Prop.ForAll(Programs(), source =>
    {
        var output = Expression.Run(source).Evaluation!.Output;
        var accumulated = new Dictionary<Value, double> { [output] = 1.0 };
        foreach (var step in BackwardSteps.Of(output))
        {
            foreach (var share in step.Shares)
            {
                accumulated[share.Operand] = share.Accumulated;
            }
        }

        var gradients = output.Backward();
        foreach (var node in BackwardSteps.VisitOrder(output))
        {
            Assert.Equal(Bits(gradients[node]), Bits(accumulated.GetValueOrDefault(node)));
        }
    });

    [Property(MaxTest = 300)]
    public Property Each_contribution_is_the_local_derivative_times_the_upstream_and_sums_into_the_operand() => Prop.ForAll(Programs(), source =>
    {
        var output = Expression.Run(source).Evaluation!.Output;
        var sums = new Dictionary<Value, double>();
        foreach (var step in BackwardSteps.Of(output).Where(s => s.Passes))
        {
            foreach (var share in step.Shares)
            {
                Assert.Equal(Bits(share.Local * step.Upstream!.Value), Bits(share.Contribution));
                sums[share.Operand] = sums.GetValueOrDefault(share.Operand) + share.Contribution;
                Assert.Equal(Bits(sums[share.Operand]), Bits(share.Accumulated));
            }
        }
    });

    [Property(MaxTest = 300)]
    public Property The_steps_visit_every_node_once_newest_first_and_each_upstream_is_final() => Prop.ForAll(Programs(), source =>
    {
        var output = Expression.Run(source).Evaluation!.Output;
        var steps = BackwardSteps.Of(output).ToList();
        var gradients = output.Backward();
        Assert.Equal(gradients.Count, steps.Count);
        Assert.Same(output, steps[0].Node);
        Assert.True(steps.Zip(steps.Skip(1), (newer, older) => newer.Node.Id > older.Node.Id).All(descending => descending));
        Assert.All(steps.Where(s => s.Upstream is not null), s => Assert.Equal(Bits(gradients[s.Node]), Bits(s.Upstream!.Value)));
        Assert.All(steps.Where(s => s.Node.Op is Op.Leaf or Op.StopGradient), s => Assert.Empty(s.Shares));
    });

    /// <summary>A double's bits, every NaN as one (which NaN comes out of 0·∞ is not part of the calculus; see the library's ReferenceBackwardProperties).</summary>
    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(double.IsNaN(x) ? double.NaN : x);
}
