namespace Micrograd.Functional.Bench.Engine;

/// <summary>Counts a graph's nodes by operation, to confirm a benchmark builds the graph it claims to.</summary>
public static class GraphCensus
{
    /// <summary>Describes the graph of <paramref name="output"/>, e.g. "65,818 nodes: 741 Leaf, 30,938 Add, …".</summary>
    /// <param name="output">The graph's output node.</param>
    public static string Describe(Value output)
    {
        var gradients = output.Backward();
        var byOp = gradients
            .GroupBy(pair => pair.Node.Op)
            .OrderBy(group => group.Key)
            .Select(group => $"{group.Count():N0} {group.Key}");
        return $"{gradients.Count:N0} nodes: {string.Join(", ", byOp)}";
    }
}
