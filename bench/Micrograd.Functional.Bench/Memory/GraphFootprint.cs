namespace Micrograd.Functional.Bench.Memory;

/// <summary>What building a graph costs in memory, per node.</summary>
/// <param name="AllocatedPerNode">Bytes allocated on this thread while building, per node.</param>
/// <param name="RetainedPerNode">Growth of the live heap after a full collection, per node: what keeping the graph costs.</param>
public readonly record struct GraphFootprint(double AllocatedPerNode, double RetainedPerNode)
{
    /// <summary>Builds a graph with <paramref name="build"/> and measures its footprint.</summary>
    /// <typeparam name="T">The graph's output node type.</typeparam>
    /// <param name="build">Builds the graph; it should allocate nothing but the graph.</param>
    /// <param name="nodes">The number of nodes <paramref name="build"/> makes.</param>
    /// <param name="output">The graph's output node, kept alive by the caller.</param>
    public static GraphFootprint Measure<T>(Func<T> build, long nodes, out T output)
    {
        var live = GC.GetTotalMemory(forceFullCollection: true);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        output = build();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        live = GC.GetTotalMemory(forceFullCollection: true) - live;
        GC.KeepAlive(output);
        return new GraphFootprint((double)allocated / nodes, (double)live / nodes);
    }

    /// <summary>E.g. "88.0 B/node allocated, 88.0 B/node retained".</summary>
    public override string ToString() => $"{AllocatedPerNode:F1} B/node allocated, {RetainedPerNode:F1} B/node retained";
}
