using Micrograd.Functional;
using Micrograd.Playground.Components;

namespace Micrograd.Playground.Pages;

/// <summary>
/// The lab's drawing: at most <see cref="MaxDrawn"/> nodes, and fewer when Graphviz's layered layout would be slow.
/// Graphviz's dot turns an edge spanning k ranks into k − 1 virtual nodes and positions them all; a leaf used all along
/// a long chain (<c>b = b * a + 1</c>, many times) makes tens of thousands of them, and the layout takes minutes on the
/// page's one thread (measured in native dot: 250 drawn nodes of that program are 14,028 layout nodes, and dot -v shows a
/// positioning graph of 28,139, a node per node and per edge; it ran over 2 minutes). So the drawing is cut further until
/// its layout has at most <see cref="MaxLayoutNodes"/> nodes, virtual ones included.
/// </summary>
internal static class LabDrawing
{
    /// <summary>The most value nodes drawn.</summary>
    public const int MaxDrawn = 250;

    /// <summary>The most nodes Graphviz's layout may have, virtual ones included (measured: about 2,300 took 0.55 s in native dot).</summary>
    public const int MaxLayoutNodes = 2_000;

    /// <summary>The drawing of <paramref name="output"/>'s graph, cut to the nodes nearest the output that lay out quickly.</summary>
    /// <param name="output">The node drawn.</param>
    /// <param name="gradients">The gradients shown in each record.</param>
    /// <param name="labels">The variable names.</param>
    /// <param name="order">The graph's nodes, newest first (users before operands).</param>
    public static GraphDrawing Of(Value output, Gradients gradients, IReadOnlyDictionary<Value, string> labels, IReadOnlyList<Value> order)
    {
        var max = MaxDrawn;
        while (max > 10 && LayoutNodes(GraphDrawing.NamesOf(output, max), order) > MaxLayoutNodes)
        {
            max = max * 2 / 3; // sized on the names alone; the labelled drawing is written once, below
        }

        return GraphDrawing.Of(output, gradients, labels, max);
    }

    /// <summary>
    /// The nodes of dot's layout of <paramref name="drawing"/>: each drawn value and its op node, plus one virtual node
    /// per rank an edge skips. Ranks are longest paths from the output (value, op, operand, …), found in one pass over
    /// the nodes newest first, where every user comes before its operands.
    /// </summary>
    public static int LayoutNodes(GraphDrawing drawing, IReadOnlyList<Value> order) => LayoutNodes(drawing.Names, order);

    private static int LayoutNodes(IReadOnlyDictionary<long, string> names, IReadOnlyList<Value> order)
    {
        var rank = new Dictionary<long, int>();
        var count = 0;
        foreach (var node in order.Where(n => names.ContainsKey(n.Id)))
        {
            var r = rank.GetValueOrDefault(node.Id);
            count += node.Op == Op.Leaf ? 1 : 2;
            foreach (var operand in node.Operands.Where(o => names.ContainsKey(o.Id)))
            {
                rank[operand.Id] = Math.Max(rank.GetValueOrDefault(operand.Id), r + 2); // value ← op ← operand
            }
        }

        foreach (var node in order.Where(n => names.ContainsKey(n.Id)))
        {
            foreach (var operand in node.Operands.Where(o => names.ContainsKey(o.Id)))
            {
                count += rank[operand.Id] - (rank.GetValueOrDefault(node.Id) + 1) - 1; // ranks the edge operand → op skips
            }
        }

        return count;
    }
}
