namespace Micrograd.Functional;

/// <summary>
/// The one map behind <see cref="Gradients"/> (numbers) and <see cref="SymbolicGradients"/> (nodes): the gradient of
/// each node of one graph, by the slot the reverse fold gave it, and where each node sits.
/// </summary>
/// <remarks>
/// It keeps one <typeparamref name="T"/> per node and a bit index of the slots, but no reference to the nodes other
/// than <see cref="Output"/>. A lookup is a few bit counts (and a binary search for ids beyond a gap); enumerating
/// walks the graph again to find the nodes.
/// </remarks>
/// <typeparam name="T">A gradient: a double, or a node.</typeparam>
internal sealed class GradientMap<T>
{
    private readonly T[][] _grads;
    private readonly NodeIndex _index;

    /// <summary>Wraps the result of a fold: the gradients by slot, in <see cref="Sweep{T}.Values"/>' chunks, and the slots' index.</summary>
    public GradientMap(Value output, int count, T[][] grads, NodeIndex index)
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

    /// <summary>The gradient of <paramref name="node"/>, when it is in the graph.</summary>
    /// <param name="node">Any node.</param>
    /// <param name="grad">Its gradient, or default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    public bool TryGet(Value node, out T grad)
    {
        var slot = _index.SlotOf(node ?? throw new ArgumentNullException(nameof(node), "Gradients are looked up by a non-null Value."));
        grad = slot >= 0 ? At(slot) : default!;
        return slot >= 0;
    }

    /// <summary>Each node of the graph and its gradient, in a topological order (every operand before its users, the output last).</summary>
    public IEnumerable<(Value Node, T Grad)> Pairs()
    {
        // The map keeps no node references; the same sweep finds them again in the same slots.
        var nodes = Topology.Of(Output).Nodes;
        for (var s = nodes.Length - 1; s >= 0; s--) // oldest first: a topological order
        {
            yield return (nodes[s], At(s));
        }
    }

    /// <summary>The same map with every gradient mapped by <paramref name="f"/> (slots and index shared).</summary>
    /// <param name="f">The function.</param>
    /// <typeparam name="TResult">The new gradient type.</typeparam>
    public GradientMap<TResult> Select<TResult>(Func<T, TResult> f) =>
        new(Output, Count, [.. _grads.Select(chunk => chunk.Select(f).ToArray())], _index);

    private T At(int slot) => _grads[slot >> Sweep.ChunkBits][slot & (Sweep.ChunkSize - 1)];
}
