using Micrograd.Playground.Components;
using Micrograd.Playground.Pages;
using Micrograd.Playground.Stepping;
using Micrograd.Playground.Tests.Expressions;

namespace Micrograd.Playground.Tests.Pages;

/// <summary>The lab draws at most 250 nodes, and fewer when Graphviz's layout would be slow.</summary>
public sealed class LabDrawingTests
{
    [Fact]
    public void The_README_graph_is_drawn_whole()
    {
        var ran = Programs.Run(Lab.ReadmeProgram);
        var order = BackwardSteps.VisitOrder(ran.Output);
        Assert.Equal(order.Count, LabDrawing.Of(ran.Output, ran.Output.Backward(), ran.Labels, order).Names.Count);
    }

    [Fact]
    public void A_chain_without_long_edges_is_cut_at_250_nodes()
    {
        var ran = Programs.Run("a = Value(0.5)\nb = a" + string.Concat(Enumerable.Repeat(".tanh()", 400)));
        var order = BackwardSteps.VisitOrder(ran.Output);
        Assert.Equal(250, LabDrawing.Of(ran.Output, ran.Output.Backward(), ran.Labels, order).Names.Count);
    }

    [Fact]
    public void A_leaf_used_along_a_long_chain_is_drawn_with_fewer_nodes_so_the_layout_stays_small()
    {
        // 250 drawn nodes of this program: dot -v shows a positioning graph of 28,139 nodes (one per layout node and per
        // edge, so about twice the layout's nodes), and took over two minutes.
        var ran = Programs.Run("a = Value(0.5)\nb = a\n" + string.Concat(Enumerable.Repeat("b = b * a + 1\n", 300)));
        var order = BackwardSteps.VisitOrder(ran.Output);
        var full = GraphDrawing.Of(ran.Output, null, ran.Labels, 250);
        Assert.InRange(LabDrawing.LayoutNodes(full, order), 13_000, 15_000);

        var drawing = LabDrawing.Of(ran.Output, ran.Output.Backward(), ran.Labels, order);
        Assert.InRange(drawing.Names.Count, 11, 249);
        Assert.True(LabDrawing.LayoutNodes(drawing, order) <= LabDrawing.MaxLayoutNodes);
    }
}
