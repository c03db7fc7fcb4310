using LanguageExt;

namespace Micrograd.Functional.Tests.Engine;

/// <summary>The gradient map that Backward returns: lookups, views and enumeration.</summary>
public class GradientsTests
{
    private static (Value A, Value B, Value Output, Gradients Grads) Product()
    {
        var a = new Value(3.0, "a");
        var b = new Value(4.0, "b");
        var output = a * b;
        return (a, b, output, output.Backward());
    }

    [Fact]
    public void The_output_has_gradient_one_and_each_factor_the_other_factor()
    {
        var (a, b, output, grads) = Product();
        Assert.Equal(1.0, grads[output]);
        Assert.Equal(4.0, grads[a]);
        Assert.Equal(3.0, grads[b]);
        Assert.Same(output, grads.Output);
    }

    [Fact]
    public void The_map_holds_every_node_of_the_graph_once()
    {
        var (a, b, output, grads) = Product();
        Assert.Equal(3, grads.Count);
        Assert.Equal(new[] { a, b, output }.ToHashSet(), grads.Select(p => p.Node).ToHashSet());
    }

    [Fact]
    public void Enumeration_is_a_topological_order_ending_with_the_output()
    {
        var x = new Value(2.0);
        var y = (x * x + x).Tanh() * x;
        var order = y.Backward().Select(p => p.Node).ToList();
        Assert.Same(y, order[^1]);
        foreach (var node in order)
        {
            Assert.All(node.Operands, operand => Assert.True(order.IndexOf(operand) < order.IndexOf(node)));
        }
    }

    [Fact]
    public void A_leaf_is_a_graph_of_one_node_with_gradient_one()
    {
        var x = new Value(7.0);
        var grads = x.Backward();
        Assert.Equal((x, 1.0), Assert.Single(grads));
    }

    [Fact]
    public void Find_returns_some_gradient_for_a_node_of_the_graph_and_none_outside_it()
    {
        var (a, _, _, grads) = Product();
        Assert.Equal(Option<double>.Some(4.0), grads.Find(a));
        Assert.Equal(Option<double>.None, grads.Find(new Value(3.0)));
        Assert.True(grads.Contains(a));
    }

    [Fact]
    public void For_reads_the_gradients_of_many_nodes_in_their_order()
    {
        var (a, b, _, grads) = Product();
        Assert.Equal(new[] { 3.0, 4.0, 0.0 }, grads.For([b, a, new Value(1)]));
    }

    [Fact]
    public void ToHashMap_gives_the_same_pairs_keyed_by_identity()
    {
        var (a, b, output, grads) = Product();
        var map = grads.ToHashMap();
        Assert.Equal(3, map.Count);
        Assert.Equal(4.0, map[a]);
        Assert.Equal(3.0, map[b]);
        Assert.Equal(1.0, map[output]);
        Assert.True(map.Find(new Value(3.0)).IsNone);
    }

    [Fact]
    public void Looking_up_null_is_rejected_with_a_clear_error()
    {
        var (_, _, _, grads) = Product();
        var error = Assert.Throws<ArgumentNullException>(() => grads[null!]);
        Assert.Equal(("node", true), (error.ParamName, error.Message.Contains("looked up by a non-null Value")));
        Assert.Equal("node", Assert.Throws<ArgumentNullException>(() => grads.Find(null!)).ParamName);
        Assert.Equal("node", Assert.Throws<ArgumentNullException>(() => grads.Contains(null!)).ParamName);
        Assert.Equal("nodes", Assert.Throws<ArgumentNullException>(() => grads.For(null!)).ParamName);
    }

    [Fact]
    public void ToString_names_the_size_and_the_output()
    {
        var (_, _, output, grads) = Product();
        Assert.Equal($"Gradients(count=3, output={output})", grads.ToString());
    }

    [Fact]
    public void Shared_subexpressions_accumulate_a_plus_a_plus_a_plus_a_gives_4()
    {
        var a = new Value(1.0);
        var b = a + a;
        var c = b + b;
        var grads = c.Backward();
        Assert.Equal(4.0, grads[a]);
        Assert.Equal(2.0, grads[b]);
        Assert.Equal(3, grads.Count);
    }
}
