using System.Collections;
using System.Diagnostics.Contracts;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Micrograd.Functional;

/// <summary>
/// The result of <see cref="Value.Backward"/>: an immutable map from each node v of one graph to
/// ∂output/∂v. Enumerates as (node, gradient) pairs in a topological order of the graph (every
/// operand before the nodes that use it, the output last).
/// </summary>
public sealed class Gradients : IReadOnlyCollection<(Value Node, double Gradient)>
{
    private readonly Value[] _nodes;
    private readonly double[] _grads;
    private readonly Dictionary<Value, int> _position;

    internal Gradients(Value output, Value[] nodes, double[] grads, Dictionary<Value, int> position)
    {
        Output = output;
        _nodes = nodes;
        _grads = grads;
        _position = position;
    }

    /// <summary>The value that was differentiated.</summary>
    public Value Output { get; }

    /// <summary>The number of nodes in the graph, the output and every leaf included.</summary>
    public int Count => _nodes.Length;

    /// <summary>
    /// ∂output/∂<paramref name="node"/>: 1.0 for the output itself, and 0.0 for a node outside the
    /// graph (the output does not depend on it).
    /// </summary>
    /// <param name="node">Any node.</param>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    public double this[Value node] => _position.TryGetValue(NotNull(node), out var i) ? _grads[i] : 0.0;

    /// <summary>True when <paramref name="node"/> is in the graph of <see cref="Output"/>.</summary>
    /// <param name="node">Any node.</param>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    [Pure]
    public bool Contains(Value node) => _position.ContainsKey(NotNull(node));

    /// <summary>∂output/∂<paramref name="node"/> when the node is in the graph; None when it is not.</summary>
    /// <param name="node">Any node.</param>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    [Pure]
    public Option<double> Find(Value node) =>
        _position.TryGetValue(NotNull(node), out var i) ? Some(_grads[i]) : None;

    /// <summary>The gradients of <paramref name="nodes"/>, in their order (0.0 for a node outside the graph).</summary>
    /// <param name="nodes">The nodes to read, for example a model's parameters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="nodes"/> or one of its items is null.</exception>
    [Pure]
    public double[] For(IEnumerable<Value> nodes) =>
        (nodes ?? throw new ArgumentNullException(nameof(nodes))).Select(n => this[n]).ToArray();

    /// <summary>The map as a LanguageExt <see cref="LanguageExt.HashMap{K, V}"/> keyed by node identity.</summary>
    [Pure]
    public HashMap<Value, double> ToHashMap() => toHashMap(this.Select(p => (p.Node, p.Gradient)));

    /// <inheritdoc/>
    public IEnumerator<(Value Node, double Gradient)> GetEnumerator()
    {
        for (var i = 0; i < _nodes.Length; i++)
        {
            yield return (_nodes[i], _grads[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Describes the map by its size and output, e.g. <c>Gradients(count=9, output=Value(...))</c>.</summary>
    public override string ToString() => $"Gradients(count={Count}, output={Output})";

    private static Value NotNull(Value? node) =>
        node ?? throw new ArgumentNullException(nameof(node), "Gradients are looked up by a non-null Value.");
}
