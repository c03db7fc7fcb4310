using System.Collections;
using System.Diagnostics.Contracts;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Micrograd.Functional;

/// <summary>
/// The result of <see cref="Value.BackwardSymbolic"/>: for each node v of the graph, ∂output/∂v as a
/// <see cref="Value"/> node, built with the same derivative rules as <see cref="Value.Backward"/>.
/// The gradient nodes are ordinary graph nodes, so they can be differentiated again (second
/// derivatives, Hessians), which is what PyTorch needs <c>create_graph=True</c> for.
/// </summary>
public sealed class SymbolicGradients : IReadOnlyCollection<(Value Node, Value Grad)>
{
    private readonly Topology _graph;
    private readonly Value[] _grads;

    private SymbolicGradients(Value output, Topology graph, Value[] grads)
    {
        Output = output;
        _graph = graph;
        _grads = grads;
    }

    /// <summary>The value that was differentiated.</summary>
    public Value Output { get; }

    /// <summary>The number of nodes in the graph.</summary>
    public int Count => _grads.Length;

    /// <summary>∂output/∂<paramref name="node"/> as a node: a constant 0 for a node outside the graph, a constant 1 for the output.</summary>
    /// <param name="node">Any node.</param>
    public Value this[Value node] =>
        _graph.Index.SlotOf(node ?? throw new ArgumentNullException(nameof(node))) is var s and >= 0 ? _grads[s] : new Value(0.0);

    /// <summary>∂output/∂<paramref name="node"/> when the node is in the graph; None when it is not.</summary>
    /// <param name="node">Any node.</param>
    [Pure]
    public Option<Value> Find(Value node) =>
        _graph.Index.SlotOf(node ?? throw new ArgumentNullException(nameof(node))) is var s and >= 0 ? Some(_grads[s]) : None;

    /// <summary>The gradient nodes of <paramref name="nodes"/>, in their order.</summary>
    /// <param name="nodes">The nodes to read, e.g. the inputs.</param>
    [Pure]
    public Value[] For(IEnumerable<Value> nodes) => [.. (nodes ?? throw new ArgumentNullException(nameof(nodes))).Select(n => this[n])];

    /// <inheritdoc/>
    public IEnumerator<(Value Node, Value Grad)> GetEnumerator()
    {
        foreach (var s in _graph.Order)
        {
            yield return (_graph.Nodes[s], _grads[s]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Describes the map by its size and output, e.g. <c>SymbolicGradients(count=9, output=Value(...))</c>.</summary>
    public override string ToString() => $"SymbolicGradients(count={Count}, output={Output})";

    /// <summary>
    /// The reverse pass with nodes instead of numbers: the same fold as <see cref="Value.Backward"/>,
    /// each partial from <see cref="Calculus.Partials{T}"/> over <see cref="Value"/>. Iterative.
    /// </summary>
    internal static SymbolicGradients Of(Value output)
    {
        var graph = Topology.Of(output);
        var grads = new Value?[graph.Count];
        grads[0] = new Value(1.0);
        for (var s = 0; s < graph.Count; s++) // the output first, then newest to oldest: a reverse topological order
        {
            var node = graph.Nodes[s];
            if (node.Op == Op.Leaf || node.StopsGradient || grads[s] is not { } upstream) // nothing passes a stop-gradient, not even 0·upstream
            {
                continue;
            }

            var (da, db) = LocalPartials(node);
            Accumulate(graph.OperandA[s], Chain(da, upstream));
            if (graph.OperandB[s] >= 0)
            {
                Accumulate(graph.OperandB[s], Chain(db, upstream));
            }
        }

        return new SymbolicGradients(output, graph, [.. grads.Select(g => g ?? new Value(0.0))]);

        void Accumulate(int slot, Value term) => grads[slot] = grads[slot] is { } sum ? sum + term : term;

        // local · upstream, without multiplying by a 1 that the rules made (never by a node of the graph:
        // a leaf of the graph holding 1 is a variable, and its product must stay differentiable).
        Value Chain(Value local, Value upstream) =>
            IsMadeOne(local) ? upstream : IsMadeOne(upstream) ? local : local * upstream;

        bool IsMadeOne(Value v) => v.Op == Op.Leaf && v.Primal == 1.0 && graph.Index.SlotOf(v) < 0;
    }

    /// <summary>
    /// The local partials (∂node/∂a, ∂node/∂b) of an op node as nodes, from the op table over
    /// <see cref="Value"/>: the one place symbolic reverse mode and symbolic forward mode read them.
    /// </summary>
    /// <remarks>
    /// A <see cref="Op.StopGradient"/> node's partials are constant 0 leaves; a mode that must pass
    /// exactly 0 through it (not 0·upstream, which is NaN for a non-finite upstream) skips the node
    /// (<see cref="Value.StopsGradient"/>). A custom op's come from its rule over values, or throw
    /// <see cref="NotSupportedException"/> when it has none.
    /// </remarks>
    /// <param name="node">A node that is not a leaf.</param>
    internal static (Value DA, Value DB) LocalPartials(Value node) =>
        node.Custom is { } custom
            ? custom.PartialsOver(node)
            : Calculus.Partials(node.Op, node.A!, node.B ?? node.A!, node, node.Exponent.IfNone(0.0));
}

public sealed partial record Value
{
    /// <summary>
    /// Differentiates this value with respect to every node of its graph and returns the gradients as
    /// nodes, which can be differentiated again. <see cref="Backward"/> is the fast numeric variant.
    /// </summary>
    public SymbolicGradients BackwardSymbolic() => SymbolicGradients.Of(this);
}
