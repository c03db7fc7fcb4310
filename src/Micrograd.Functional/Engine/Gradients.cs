using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Micrograd.Functional;

/// <summary>
/// The result of <see cref="Value.Backward"/>: an immutable map from each node v of one graph to
/// ∂output/∂v. Enumerates as (node, gradient) pairs in a topological order of the graph (every
/// operand before the nodes that use it, the output last).
/// </summary>
/// <remarks>
/// The map keeps 8 bytes per node (the gradient) and a bit index of where each node sits, but no
/// reference to the nodes other than <see cref="Output"/>. A lookup is a few bit counts (and a
/// binary search for ids beyond a gap); enumerating walks the graph again to find the nodes.
/// <see cref="SymbolicGradients"/> is the same map (<c>GradientMap</c>) with nodes for numbers.
/// </remarks>
public sealed class Gradients : IReadOnlyCollection<(Value Node, double Grad)>
{
    private readonly GradientMap<double> _map;

    /// <summary>Wraps the result of a numeric backward pass.</summary>
    internal Gradients(GradientMap<double> map) => _map = map;

    /// <summary>The value that was differentiated.</summary>
    public Value Output => _map.Output;

    /// <summary>The number of nodes in the graph, the output and every leaf included.</summary>
    public int Count => _map.Count;

    /// <summary>
    /// ∂output/∂<paramref name="node"/>: 1.0 for the output itself, and 0.0 for a node outside the
    /// graph (the output does not depend on it).
    /// </summary>
    /// <param name="node">Any node.</param>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    public double this[Value node] => _map.TryGet(node, out var grad) ? grad : 0.0;

    /// <summary>True when <paramref name="node"/> is in the graph of <see cref="Output"/>.</summary>
    /// <param name="node">Any node.</param>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    [Pure]
    public bool Contains(Value node) => _map.TryGet(node, out _);

    /// <summary>∂output/∂<paramref name="node"/> when the node is in the graph; None when it is not.</summary>
    /// <param name="node">Any node.</param>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    [Pure]
    public Option<double> Find(Value node) => _map.TryGet(node, out var grad) ? Some(grad) : None;

    /// <summary>The gradients of <paramref name="nodes"/>, in their order (0.0 for a node outside the graph).</summary>
    /// <param name="nodes">The nodes to read, for example a model's parameters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="nodes"/> or one of its items is null.</exception>
    [Pure]
    public ImmutableArray<double> For(IEnumerable<Value> nodes) =>
        [.. (nodes ?? throw new ArgumentNullException(nameof(nodes))).Select(n => this[n])];

    /// <summary>The map as a LanguageExt <see cref="LanguageExt.HashMap{K, V}"/> keyed by node identity.</summary>
    [Pure]
    public HashMap<Value, double> ToHashMap() => toHashMap(this.Select(p => (p.Node, p.Grad)));

    /// <inheritdoc/>
    public IEnumerator<(Value Node, double Grad)> GetEnumerator() => _map.Pairs().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Describes the map by its size and output, e.g. <c>Gradients(count=9, output=Value(...))</c>.</summary>
    public override string ToString() => $"Gradients(count={Count}, output={Output})";
}
