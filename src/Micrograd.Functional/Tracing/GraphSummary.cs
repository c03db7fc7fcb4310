using System.Collections.Immutable;
using System.Globalization;

namespace Micrograd.Functional.Tracing;

/// <summary>
/// The shape of a graph too big to draw: how many nodes of each op, how deep it is, how wide its
/// widest level. Computed in one pass over a topological order: no recursion, so a graph a
/// million nodes deep is fine.
/// </summary>
/// <param name="Nodes">The number of nodes, leaves included.</param>
/// <param name="Leaves">The number of leaves (inputs, parameters and constants).</param>
/// <param name="CountsByOp">How many nodes of each op.</param>
/// <param name="Depth">The longest path from a leaf to the output, in ops (0 for a lone leaf).</param>
/// <param name="WidestLevel">The most nodes on one level, where a leaf is on level 0 and an op one above its highest operand.</param>
/// <param name="WidestLevelIndex">The level with that many nodes (the lowest, on a tie).</param>
public sealed record GraphSummary(int Nodes, int Leaves, ImmutableSortedDictionary<Op, int> CountsByOp, int Depth, int WidestLevel, int WidestLevelIndex)
{
    /// <summary>Summarises the graph of <paramref name="output"/>.</summary>
    /// <param name="output">The node whose graph is summarised.</param>
    public static GraphSummary Of(Value output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var topology = Topology.Of(output);
        var level = new int[topology.Count];
        var counts = new Dictionary<Op, int>();
        var perLevel = new List<int>();
        var operandA = topology.OperandA.AsSpan();
        var operandB = topology.OperandB.AsSpan();
        foreach (var slot in topology.Order)
        {
            var op = topology.Nodes[slot].Op;
            counts[op] = counts.GetValueOrDefault(op) + 1;
            var l = op == Op.Leaf ? 0 : 1 + Math.Max(level[operandA[slot]], operandB[slot] >= 0 ? level[operandB[slot]] : 0);
            level[slot] = l;
            while (perLevel.Count <= l)
            {
                perLevel.Add(0);
            }

            perLevel[l]++;
        }

        var widest = perLevel.Max();
        return new GraphSummary(
            topology.Count,
            counts.GetValueOrDefault(Op.Leaf),
            counts.ToImmutableSortedDictionary(),
            level[0], // the output is slot 0
            widest,
            perLevel.IndexOf(widest));
    }

    /// <summary>A few lines: size, leaves, counts by op, depth and widest level.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Nodes:N0} nodes ({Leaves:N0} leaves); by op: {string.Join(", ", CountsByOp.Select(p => $"{p.Key} {p.Value:N0}"))}; depth {Depth:N0}; widest level {WidestLevelIndex:N0} with {WidestLevel:N0} nodes");
}
