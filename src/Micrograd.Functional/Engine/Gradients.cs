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
/// </remarks>
public sealed class Gradients : IReadOnlyCollection<(Value Node, double Grad)>
{
    private readonly double[][] _grads;
    private readonly NodeIndex _index;

    /// <summary>Wraps the result of a backward pass: the gradients by slot of a <see cref="Sweep"/> from <paramref name="output"/>, in <see cref="Sweep.Values"/>' chunks.</summary>
    internal Gradients(Value output, int count, double[][] grads, NodeIndex index)
    {
        Output = output;
        Count = count;
        _grads = grads;
        _index = index;
    }

    /// <summary>The value that was differentiated.</summary>
    public Value Output { get; }

    /// <summary>The number of nodes in the graph, the output and every leaf included.</summary>
    public int Count { get; }

    /// <summary>
    /// ∂output/∂<paramref name="node"/>: 1.0 for the output itself, and 0.0 for a node outside the
    /// graph (the output does not depend on it).
    /// </summary>
    /// <param name="node">Any node.</param>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    public double this[Value node] => _index.SlotOf(NotNull(node)) is var s and >= 0 ? At(s) : 0.0;

    /// <summary>True when <paramref name="node"/> is in the graph of <see cref="Output"/>.</summary>
    /// <param name="node">Any node.</param>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    [Pure]
    public bool Contains(Value node) => _index.SlotOf(NotNull(node)) >= 0;

    /// <summary>∂output/∂<paramref name="node"/> when the node is in the graph; None when it is not.</summary>
    /// <param name="node">Any node.</param>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    [Pure]
    public Option<double> Find(Value node) =>
        _index.SlotOf(NotNull(node)) is var s and >= 0 ? Some(At(s)) : None;

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
    public IEnumerator<(Value Node, double Grad)> GetEnumerator()
    {
        // The map keeps no node references (8 bytes a node, not 16); the same sweep finds them again in the same slots.
        var nodes = Topology.Of(Output).Nodes;
        for (var s = nodes.Length - 1; s >= 0; s--) // oldest first: a topological order
        {
            yield return (nodes[s], At(s));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Describes the map by its size and output, e.g. <c>Gradients(count=9, output=Value(...))</c>.</summary>
    public override string ToString() => $"Gradients(count={Count}, output={Output})";

    private double At(int slot) => _grads[slot >> Sweep.ChunkBits][slot & (Sweep.ChunkSize - 1)];

    private static Value NotNull(Value? node) =>
        node ?? throw new ArgumentNullException(nameof(node), "Gradients are looked up by a non-null Value.");
}
