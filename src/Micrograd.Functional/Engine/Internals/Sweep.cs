using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Micrograd.Functional;

/// <summary>The sizes of a <see cref="Sweep{T}"/>'s pages and of the chunks its results come in, whatever it carries.</summary>
internal static class Sweep
{
    /// <summary>Places per page.</summary>
    internal const int PageSize = 1 << PageBits;

    /// <summary>log₂ of <see cref="PageSize"/>.</summary>
    internal const int PageBits = 8;

    /// <summary>log₂ of <see cref="ChunkSize"/>.</summary>
    internal const int ChunkBits = 13;

    /// <summary>Values per chunk of a result: 8,192, 64 KB of doubles or references, below the 85,000-byte large-object threshold.</summary>
    internal const int ChunkSize = 1 << ChunkBits;

    /// <summary>64-bit words in a page's occupancy mask.</summary>
    internal const int WordsPerPage = PageSize / 64;
}

/// <summary>
/// Visits the graph below an output in descending <see cref="Value.Id"/> order, which is a reverse
/// topological order: a node is always created after its operands, so its id is greater than
/// theirs, and every user of a node is visited before the node itself.
/// </summary>
/// <remarks>
/// <para>
/// Nodes are found without hashing. Each node has a place at (output.Id − node.Id) in a table kept
/// in pages of <see cref="PageSize"/> places, and the pages are visited in increasing order, so a
/// graph whose ids have gaps (parameters made long before the loss, say) costs only the pages it
/// touches. Reaching an operand costs one array access.
/// </para>
/// <para>
/// Once a page is visited, nothing can reach it again (operands are older, so they lie further on),
/// so its values are final: they are packed, in slot order, onto the values so far, and the page is
/// recycled for ids further on. Only the pages between the node being visited and the oldest
/// operand reached so far are in use at once. Slots number the nodes in visiting order, the
/// output being slot 0.
/// </para>
/// <para>
/// Each thread keeps one table and reuses its pages from call to call (<c>Sweep.Pool.cs</c>).
/// </para>
/// </remarks>
/// <typeparam name="T">What each node carries: a double for numeric gradients, a node for symbolic ones.</typeparam>
internal sealed partial class Sweep<T>
{
    private const int PageSize = Sweep.PageSize, PageBits = Sweep.PageBits, ChunkSize = Sweep.ChunkSize, WordsPerPage = Sweep.WordsPerPage;
    private const int Mask = PageSize - 1;
    private const int Idle = 0, InUse = 1, Trimming = 2;

    [ThreadStatic]
    private static Sweep<T>? t_spare;

    private readonly Dictionary<long, Page> _pages = [];
    private readonly PriorityQueue<Page, long> _queue = new();
    private readonly Stack<Page> _free = new();
    private readonly List<long> _finishedPages = []; // page numbers in visiting order, for the index
    private readonly List<int> _finishedFirst = []; // the slot of each finished page's first node
    private readonly List<ulong> _finishedOccupancy = [];
    private T[] _values = new T[PageSize]; // final values by slot, packed page by page
    private long _top;
    private Page? _current; // the page being visited
    private Page? _recent; // the last other page looked up
    private int _state; // Idle, InUse or Trimming: the owner thread and the trimming finalizer take turns
    private bool _usedSinceTrim;
    private int _finished; // nodes whose values are packed into _values
    private bool _someReachedOnly; // whether any node was reached (Reach) before anything was passed to it (Pass)

    /// <summary>What a sweep does at each node, given the value the node has gathered from its users.</summary>
    internal interface IVisitor
    {
        /// <summary>
        /// Visits <paramref name="node"/>, whose users have all been visited; <paramref name="value"/> is final.
        /// <paramref name="passed"/> is false when the node was only reached (<see cref="Reach"/>), never passed a value
        /// (<see cref="Pass"/>): then <paramref name="value"/> is default.
        /// </summary>
        void Visit(Value node, ref T value, bool passed, Sweep<T> sweep);
    }

    /// <summary>The number of nodes reached so far; after <see cref="Run{TVisitor}"/>, the size of the graph.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Passes <paramref name="seed"/> to <paramref name="output"/>, then visits every node of its graph in
    /// descending id order. The visitor adds a node's operands to the sweep with <see cref="Reach"/>, or
    /// with <see cref="Pass"/>, which also gives their value to update.
    /// </summary>
    public void Run<TVisitor>(Value output, T seed, ref TVisitor visitor)
        where TVisitor : struct, IVisitor
    {
        _top = output.Id;
        Pass(output) = seed;
        while (_queue.TryDequeue(out var page, out _))
        {
            _current = page;
            var nodes = page.Nodes;
            var values = page.Values;
            var occupied = page.Occupied;
            var reachedOnly = page.ReachedOnly;
            for (var w = 0; w < WordsPerPage; w++)
            {
                // Visiting a node may place its operands further on in this very word, so re-read it.
                for (var visited = 0UL; (occupied[w] & ~visited) is var pending && pending != 0;)
                {
                    var b = BitOperations.TrailingZeroCount(pending);
                    // Stryker disable once Assignment : the bit comes from pending, which excludes visited bits, so |= and ^= set it alike (equivalent mutant)
                    visited |= 1UL << b;
                    var i = (w << 6) | b;
                    visitor.Visit(nodes[i]!, ref values[i], !_someReachedOnly || (reachedOnly[w] & (1UL << b)) == 0, this);
                }
            }

            Finish(page);
        }

        _current = _recent = null;
    }

    /// <summary>Adds <paramref name="node"/> to the sweep, if it is not in it yet, without passing it anything.</summary>
    public void Reach(Value node) => Place(node, passes: false);

    /// <summary>
    /// The value of <paramref name="node"/>, for the caller to add to: adds the node to the sweep (with a default
    /// value) the first time it is reached, and notes that something is passed to it.
    /// </summary>
    public ref T Pass(Value node) => ref Place(node, passes: true);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // so that each caller's constant `passes` folds away
    private ref T Place(Value node, bool passes)
    {
        var offset = _top - node.Id;
        // Stryker disable once Statement,String : a Debug-only statement of the invariant; it always holds (equivalent mutant)
        Debug.Assert(offset >= 0, "An operand is always older than the node that uses it.");
        // Stryker disable once Bitwise : offset = output.Id - node.Id, non-negative, so >> and >>> are the same shift (equivalent mutant)
        var number = offset >> PageBits;
        var page = _current is { } current && current.Number == number ? current
            : _recent is { } recent && recent.Number == number ? recent
            : Find(number);
        var i = (int)(offset & Mask);
        // Stryker disable once Bitwise : i is a place in a page, non-negative, so >> and >>> are the same shift (equivalent mutant)
        var w = i >> 6;
        var bit = 1UL << (i & 63);
        if ((page.Occupied[w] & bit) == 0)
        {
            // Stryker disable once Assignment : set only when the test above found the bit 0, so |= and ^= agree (equivalent mutant)
            page.Occupied[w] |= bit;
            page.Nodes[i] = node;
            page.Values[i] = default!;
            page.Used++;
            Count++;
            if (!passes)
            {
                // Marks are written only on this rare path (below stop-gradients), and cleared only while some mark
                // exists, so a graph without stop-gradients pays one predictable test per pass for them.
                page.ReachedOnly[w] |= bit;
                _someReachedOnly = true;
            }
        }
        else if (passes && _someReachedOnly)
        {
            page.ReachedOnly[w] &= ~bit;
        }

        return ref page.Values[i];
    }

    /// <summary>After <see cref="Run{TVisitor}"/>: where each node sits, by slot.</summary>
    public NodeIndex Index() => new(_top, [.. _finishedPages], [.. _finishedFirst], [.. _finishedOccupancy]);

    /// <summary>
    /// After <see cref="Run{TVisitor}"/>: each node's final value, by slot, in chunks of
    /// <see cref="ChunkSize"/> (the last one shorter): slot s is at [s / ChunkSize][s % ChunkSize].
    /// Chunks stay below the large-object threshold, so a big result costs young-generation
    /// allocations, not the full collections that large-object allocations trigger.
    /// </summary>
    public T[][] Values()
    {
        var chunks = new T[(Count + ChunkSize - 1) / ChunkSize][];
        for (var c = 0; c < chunks.Length; c++)
        {
            chunks[c] = _values.AsSpan(c * ChunkSize, Math.Min(ChunkSize, Count - c * ChunkSize)).ToArray();
        }

        return chunks;
    }

    /// <summary>
    /// Packs a visited page's values, in slot order, onto the values so far, notes where its nodes
    /// sit, and recycles the page: nothing can reach it again, since operands lie further on.
    /// </summary>
    private void Finish(Page page)
    {
        // Stryker disable once Equality : growing one step early changes only capacity, never contents (equivalent mutant)
        if (_values.Length < _finished + page.Used)
        {
            Array.Resize(ref _values, 2 * _values.Length); // enough: _finished ≤ _values.Length, and page.Used ≤ PageSize ≤ _values.Length
        }

        _finishedPages.Add(page.Number);
        _finishedFirst.Add(_finished);
        _finishedOccupancy.AddRange(page.Occupied);
        for (var w = 0; w < WordsPerPage; w++)
        {
            for (var bits = page.Occupied[w]; bits != 0; bits &= bits - 1)
            {
                var i = (w << 6) | BitOperations.TrailingZeroCount(bits);
                _values[_finished++] = page.Values[i];
                page.Nodes[i] = null;
            }
        }

        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(page.Values); // a page kept for later must not keep gradient nodes alive
        }

        Array.Clear(page.Occupied);
        Array.Clear(page.ReachedOnly);
        page.Used = 0;
        _pages.Remove(page.Number);
        _current = null; // (_recent may still name it: harmless, as no id on this page is reached again)
        _free.Push(page);
    }

    private Page Find(long number)
    {
        ref var page = ref CollectionsMarshal.GetValueRefOrAddDefault(_pages, number, out var exists);
        if (!exists)
        {
            page = _free.TryPop(out var reused) ? reused : new Page();
            page.Number = number;
            _queue.Enqueue(page, number);
        }

        return _recent = page!;
    }

    /// <summary>The places of <see cref="PageSize"/> consecutive ids, counted down from the output's.</summary>
    private sealed class Page
    {
        public readonly Value?[] Nodes = new Value?[PageSize];
        public readonly T[] Values = new T[PageSize];
        public readonly ulong[] Occupied = new ulong[WordsPerPage];
        public readonly ulong[] ReachedOnly = new ulong[WordsPerPage];
        public long Number;
        public int Used;
    }
}
