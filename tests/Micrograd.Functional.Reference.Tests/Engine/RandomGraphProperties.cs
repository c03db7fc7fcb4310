using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Micrograd.Functional.Reference.Tests.Torch;
using Micrograd.Functional.Tests.Engine;
using static Micrograd.Functional.Reference.Tests.Torch.Tolerance;

namespace Micrograd.Functional.Reference.Tests.Engine;

/// <summary>
/// Random graphs of up to 40 ops over 1 to 4 inputs, from the main test project's generator
/// (<see cref="ExpressionGraphs"/>: every op kept inside its safe domain, subexpressions shared,
/// shrinking by genes). Wider than the main project's 12 ops, since torch is the oracle here.
/// </summary>
public static class ReferenceGraphs
{
    public static Arbitrary<RandomGraph> RandomGraph() => Arb.From(
        from n in Gen.Choose(1, 4)
        from inputs in Gen.ArrayOf(ExpressionGraphs.Between(-2, 2), n)
        from genes in ExpressionGraphs.Genes(40)
        select new RandomGraph(inputs, genes),
        ExpressionGraphs.Shrink);
}

/// <summary>
/// The engine against PyTorch on random expression graphs, in float64: the output's value and
/// its gradient with respect to every input agree within 1e-10 relative. Relative, that is, to
/// the magnitude before cancellation (<see cref="Magnitudes"/>): plain relative error where
/// nothing cancels, and no false alarm on x/x − 1, whose residues are 1e-16 in one engine and 0
/// in the other.
/// </summary>
/// <remarks>
/// Second derivatives come later, when the engine gets a symbolic backward. The torch side is
/// ready: <see cref="TorchReference.Derivatives(RandomGraph, bool)"/> with secondOrder: true
/// returns the Hessian (checked in <see cref="TorchHessianTests"/>), so the engine's property
/// will be the first one below with the engine's Hessian compared entry by entry.
/// </remarks>
[Properties(Arbitrary = [typeof(ReferenceGraphs)], MaxTest = 500)]
public class RandomGraphProperties
{
    [Property]
    public void The_value_and_the_gradient_with_respect_to_every_input_match_torch(RandomGraph graph)
    {
        var leaves = graph.Inputs.Select(x => new Value(x)).ToArray();
        var nodes = graph.BuildAll(leaves);
        var output = nodes[^1];
        var grads = output.Backward();
        var magnitudes = Magnitudes.Of(graph, [.. nodes.Select(n => n.Data)]);

        var reference = TorchReference.Derivatives(graph);
        AssertClose(reference.Value, output.Data, magnitudes.Values[^1], $"value of {graph}");
        for (var i = 0; i < leaves.Length; i++)
        {
            AssertClose(reference.Gradient[i], grads[leaves[i]], magnitudes.Adjoints[i], $"∂out/∂n{i} of {graph}");
        }
    }

    [Property]
    public void Every_intermediate_value_and_adjoint_matches_torch(RandomGraph graph)
    {
        var leaves = graph.Inputs.Select(x => new Value(x)).ToArray();
        var nodes = graph.BuildAll(leaves);
        var grads = nodes[^1].Backward();
        var magnitudes = Magnitudes.Of(graph, [.. nodes.Select(n => n.Data)]);

        var (values, adjoints) = TorchReference.Nodes(graph);
        Assert.Equal(nodes.Length, values.Length);
        for (var i = 0; i < nodes.Length; i++)
        {
            AssertClose(values[i], nodes[i].Data, magnitudes.Values[i], $"value of n{i} in {graph}");
            AssertClose(adjoints[i], grads[nodes[i]], magnitudes.Adjoints[i], $"∂out/∂n{i} in {graph}");
        }
    }

    [Property]
    public void Pre_cancellation_magnitudes_are_never_below_the_numbers_they_size(RandomGraph graph)
    {
        var nodes = graph.BuildAll([.. graph.Inputs.Select(x => new Value(x))]);
        var grads = nodes[^1].Backward();
        var magnitudes = Magnitudes.Of(graph, [.. nodes.Select(n => n.Data)]);

        for (var i = 0; i < nodes.Length; i++)
        {
            Assert.True(magnitudes.Values[i] >= Math.Abs(nodes[i].Data) * (1 - 1e-12), $"value magnitude of n{i} in {graph}");
            Assert.True(magnitudes.Adjoints[i] >= Math.Abs(grads[nodes[i]]) * (1 - 1e-12), $"adjoint magnitude of n{i} in {graph}");
        }
    }
}
