using Micrograd.Functional.Tracing;

namespace Micrograd.Functional.Tests.Tracing;

/// <summary>Summaries of graphs too big to draw.</summary>
public class GraphSummaryTests
{
    [Fact]
    public void A_small_graph_is_counted_by_op_level_and_depth()
    {
        // y = relu(x·2 + 1): leaves x, 2, 1 on level 0; x·2 on 1; + on 2; relu on 3.
        var x = new Value(1.0);
        var summary = GraphSummary.Of((x * 2 + 1).Relu());
        Assert.Equal((6, 3, 3, 3, 0), (summary.Nodes, summary.Leaves, summary.Depth, summary.WidestLevel, summary.WidestLevelIndex));
        Assert.Equal(new[] { (Op.Leaf, 3), (Op.Add, 1), (Op.Mul, 1), (Op.Relu, 1) }, summary.CountsByOp.Select(p => (p.Key, p.Value)));
        Assert.Equal("6 nodes (3 leaves); by op: Leaf 3, Add 1, Mul 1, Relu 1; depth 3; widest level 0 with 3 nodes", summary.ToString());
    }

    [Fact]
    public void A_lone_leaf_has_depth_zero()
    {
        var summary = GraphSummary.Of(new Value(1));
        Assert.Equal((1, 1, 0, 1), (summary.Nodes, summary.Leaves, summary.Depth, summary.WidestLevel));
    }

    [Fact]
    public void A_million_deep_chain_is_summarised_without_a_stack_overflow()
    {
        var v = new Value(0.1);
        for (var i = 0; i < 1_000_000; i++)
        {
            v = v.Tanh();
        }

        var summary = GraphSummary.Of(v);
        Assert.Equal((1_000_001, 1, 1_000_000, 1), (summary.Nodes, summary.Leaves, summary.Depth, summary.WidestLevel));
    }

    [Fact]
    public void A_deeper_second_operand_sets_the_level()
    {
        // x + tanh(y): x, y on level 0, tanh(y) on 1, the sum on 2 (one above its highest operand, the second).
        var (x, y) = (new Value(1.0), new Value(2.0));
        var summary = GraphSummary.Of(x + y.Tanh());
        Assert.Equal((4, 2, 2, 2, 0), (summary.Nodes, summary.Leaves, summary.Depth, summary.WidestLevel, summary.WidestLevelIndex));
    }

    [Fact]
    public void A_null_output_is_rejected_by_name()
    {
        Assert.Equal("output", Assert.Throws<ArgumentNullException>(() => GraphSummary.Of(null!)).ParamName);
    }
}
