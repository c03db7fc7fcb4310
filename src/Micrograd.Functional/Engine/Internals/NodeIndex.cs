using System.Numerics;

namespace Micrograd.Functional;

/// <summary>
/// Where each node of one graph sits in the slots of a <see cref="Sweep{T}"/>: a bit per id of each
/// page the graph touches, and the slot of each page's first node. Small (about a bit per id) and
/// immutable. A lookup is a few bit counts; the pages up to the graph's first gap in ids are found
/// by number, the rest (parameters made long before the loss, say) by a binary search.
/// </summary>
internal sealed class NodeIndex
{
    private readonly long _top;
    private readonly long[] _pages;
    private readonly int[] _first;
    private readonly ulong[] _occupied;
    private readonly int _prefix; // pages 0, 1, … up to here have no gap, so a page number is its index

    internal NodeIndex(long top, long[] pages, int[] first, ulong[] occupied)
    {
        _top = top;
        _pages = pages;
        _first = first;
        _occupied = occupied;
        // Stryker disable once Equality,Boolean,Logical : a fast path: a shorter prefix sends lookups to the binary search below, which finds the same page (equivalent mutant)
        while (_prefix < pages.Length && pages[_prefix] == _prefix)
        {
            _prefix++;
        }
    }

    /// <summary>The slot of <paramref name="node"/>, or −1 when it is not in the graph. Ids are unique, so an id found is this very node.</summary>
    public int SlotOf(Value node)
    {
        var offset = _top - node.Id;
        // Stryker disable once Bitwise : offset is checked below before it is used as an index; >> and >>> differ only for negative offsets, which give a page below the prefix either way (equivalent mutant)
        var number = offset >> Sweep.PageBits;
        // Stryker disable once Conditional : a node newer than the output has a negative page number, below the prefix, so it is not found without this test either; kept because the cast to int would wrap beyond 2^40 ids, which no test can build (equivalent mutant)
        if (offset < 0)
        {
            return -1;
        }

        var p = number < _prefix ? (int)number : Array.BinarySearch(_pages, _prefix, _pages.Length - _prefix, number);
        if (p < 0)
        {
            return -1;
        }

        var i = (int)(offset & (Sweep.PageSize - 1));
        var words = _occupied.AsSpan(p * Sweep.WordsPerPage, Sweep.WordsPerPage);
        var bit = 1UL << (i & 63);
        // Stryker disable once Bitwise : i is a place in a page, non-negative, so >> and >>> are the same shift (equivalent mutant)
        var w = i >> 6;
        if ((words[w] & bit) == 0)
        {
            return -1;
        }

        var slot = _first[p] + BitOperations.PopCount(words[w] & (bit - 1));
        foreach (var word in words[..w])
        {
            slot += BitOperations.PopCount(word);
        }

        return slot;
    }
}
