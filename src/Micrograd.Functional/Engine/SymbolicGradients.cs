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
    private readonly GradientMap<Value> _map;

    /// <summary>Wraps the result of a symbolic backward pass; a node nothing was passed to gets a constant 0.</summary>
    internal SymbolicGradients(GradientMap<Value?> map) => _map = map.Select(grad => grad ?? new Value(0.0));

    /// <summary>The value that was differentiated.</summary>
    public Value Output => _map.Output;

    /// <summary>The number of nodes in the graph, the output and every leaf included.</summary>
    public int Count => _map.Count;

    /// <summary>∂output/∂<paramref name="node"/> as a node: a constant 0 for a node outside the graph, a constant 1 for the output.</summary>
    /// <param name="node">Any node.</param>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    public Value this[Value node] => _map.TryGet(node, out var grad) ? grad : new Value(0.0);

    /// <summary>True when <paramref name="node"/> is in the graph of <see cref="Output"/>.</summary>
    /// <param name="node">Any node.</param>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    [Pure]
    public bool Contains(Value node) => _map.TryGet(node, out _);

    /// <summary>∂output/∂<paramref name="node"/> when the node is in the graph; None when it is not.</summary>
    /// <param name="node">Any node.</param>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    [Pure]
    public Option<Value> Find(Value node) => _map.TryGet(node, out var grad) ? Some(grad) : None;

    /// <summary>The gradient nodes of <paramref name="nodes"/>, in their order (a constant 0 for a node outside the graph).</summary>
    /// <param name="nodes">The nodes to read, e.g. the inputs.</param>
    /// <exception cref="ArgumentNullException"><paramref name="nodes"/> or one of its items is null.</exception>
    [Pure]
    public Value[] For(IEnumerable<Value> nodes) => [.. (nodes ?? throw new ArgumentNullException(nameof(nodes))).Select(n => this[n])];

    /// <summary>The map as a LanguageExt <see cref="LanguageExt.HashMap{K, V}"/> keyed by node identity.</summary>
    [Pure]
    public HashMap<Value, Value> ToHashMap() => toHashMap(this.Select(p => (p.Node, p.Grad)));

    /// <inheritdoc/>
    public IEnumerator<(Value Node, Value Grad)> GetEnumerator() => _map.Pairs().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Describes the map by its size and output, e.g. <c>SymbolicGradients(count=9, output=Value(...))</c>.</summary>
    public override string ToString() => $"SymbolicGradients(count={Count}, output={Output})";

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
