using Micrograd.Functional.Nn;
using Micrograd.Functional.Tracing;

namespace Micrograd.Functional.Tests.Tracing;

/// <summary>Drawing graphs as micrograd's draw_dot does: records of data and gradient, op nodes, edges.</summary>
public class DotTests
{
    private static int Count(string dot, string what) => dot.Split('\n').Count(line => line.Contains(what));

    [Fact]
    public void Relu_of_x_times_2_plus_1_draws_as_micrograd_draws_it()
    {
        // x = 1: x·2 = 2, + 1 = 3, relu = 3. Backward: every node above x has gradient 1, so
        // ∂y/∂x = 2 (through the constant 2) and ∂y/∂2 = x = 1.
        var x = new Value(1.0, "x");
        var y = (x * 2 + 1).Relu();
        var expected = """
            digraph G {
              rankdir=LR;
              node [fontname="Helvetica", fontsize=11];
              v0 [shape=record, label="{ x | data 1.0000 | grad 2.0000 }"];
              v1 [shape=record, label="{ data 2.0000 | grad 1.0000 }"];
              v2 [shape=record, label="{ data 2.0000 | grad 1.0000 }"];
              v2_op [label="*"];
              v2_op -> v2;
              v0 -> v2_op;
              v1 -> v2_op;
              v3 [shape=record, label="{ data 1.0000 | grad 1.0000 }"];
              v4 [shape=record, label="{ data 3.0000 | grad 1.0000 }"];
              v4_op [label="+"];
              v4_op -> v4;
              v2 -> v4_op;
              v3 -> v4_op;
              v5 [shape=record, label="{ data 3.0000 | grad 1.0000 }"];
              v5_op [label="ReLU"];
              v5_op -> v5;
              v4 -> v5_op;
            }

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), Dot.Write(y, y.Backward()).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Micrograds_trace_graph_example_has_6_values_3_ops_and_8_edges()
    {
        var x = new Value(1.0);
        var y = (x * 2 + 1).Relu();
        var dot = Dot.Write(y, y.Backward());
        Assert.Equal((6, 3, 8), (Count(dot, "shape=record"), Count(dot, "_op [label"), Count(dot, "->")));
    }

    [Fact]
    public void Micrograds_neuron_picture_has_10_values_5_ops_and_14_edges()
    {
        var neuron = new Neuron([new Value(0.3), new Value(-0.6)], new Value(0.0), Activation.Relu);
        var y = neuron.Forward([new Value(1.0), new Value(-2.0)]);
        var dot = Dot.Write(y, y.Backward());
        Assert.Equal((10, 5, 14), (Count(dot, "shape=record"), Count(dot, "_op [label"), Count(dot, "->")));
    }

    [Fact]
    public void Without_gradients_a_record_shows_only_label_and_data()
    {
        var a = new Value(-4.0, "a");
        Assert.Contains("v0 [shape=record, label=\"{ a | data -4.0000 }\"];", Dot.Write(a));
    }

    [Fact]
    public void Labels_given_for_drawing_never_change_identity_or_gradients()
    {
        var (a, b) = (new Value(2.0), new Value(2.0));
        var y = a * 3 + b * 5;
        var before = y.Backward();
        var dot = Dot.Write(y, before, new DotOptions { Labels = new Dictionary<Value, string> { [a] = "a", [b] = "b" } });
        Assert.Contains("{ a | data 2.0000 | grad 3.0000 }", dot);
        Assert.Contains("{ b | data 2.0000 | grad 5.0000 }", dot);
        Assert.Equal((3.0, 5.0), (y.Backward()[a], y.Backward()[b]));
        Assert.Null(a.Label);
    }

    [Fact]
    public void Special_characters_in_labels_are_escaped()
    {
        var x = new Value(1.0, "w{0} | \"<in>\"\n");
        Assert.Contains(@"{ w\{0\} \| \""\<in\>\"" | data 1.0000 }", Dot.Write(x));
    }

    [Fact]
    public void Top_to_bottom_is_rankdir_tb()
    {
        Assert.Contains("rankdir=TB;", Dot.Write(new Value(1), options: new DotOptions { RankDirection = RankDirection.TopToBottom }));
    }

    [Theory]
    [InlineData("pow", "**3")]
    [InlineData("tanh", "tanh")]
    [InlineData("exp", "exp")]
    [InlineData("log", "log")]
    [InlineData("sigmoid", "sigmoid")]
    [InlineData("softplus", "softplus")]
    public void Each_op_has_micrograds_symbol(string op, string symbol)
    {
        var x = new Value(0.5);
        var y = op switch { "pow" => x.Pow(3), "tanh" => x.Tanh(), "exp" => x.Exp(), "log" => x.Log(), "sigmoid" => x.Sigmoid(), _ => x.Softplus() };
        Assert.Equal(symbol, Dot.Symbol(y));
        Assert.Contains($"v1_op [label=\"{symbol}\"];", Dot.Write(y));
    }

    [Theory]
    [InlineData("sin", "sin")]
    [InlineData("cos", "cos")]
    [InlineData("sqrt", "sqrt")]
    [InlineData("abs", "abs")]
    [InlineData("step", "step")]
    [InlineData("stop", "stop_gradient")]
    [InlineData("pow", "**")]
    [InlineData("max", "max")]
    [InlineData("min", "min")]
    public void Each_new_primitive_is_drawn_with_its_name(string op, string symbol)
    {
        var (x, w) = (new Value(0.5), new Value(2.0));
        var y = op switch
        {
            "sin" => x.Sin(), "cos" => x.Cos(), "sqrt" => x.Sqrt(), "abs" => x.Abs(), "step" => x.Step(),
            "stop" => x.StopGradient(), "pow" => x.Pow(w), "max" => Value.Max(x, w), _ => Value.Min(x, w),
        };
        Assert.Equal(symbol, Dot.Symbol(y));
        Assert.Contains($"_op [label=\"{symbol}\"];", Dot.Write(y));
    }

    [Fact]
    public void A_custom_op_is_drawn_with_its_name_escaped()
    {
        var op = CustomOp.Unary("soft|sign", x => x / (1 + Math.Abs(x)), x => 1 / ((1 + Math.Abs(x)) * (1 + Math.Abs(x))));
        var y = op.Apply(new Value(0.5));
        Assert.Equal("soft|sign", Dot.Symbol(y));
        Assert.Contains("v1_op [label=\"soft\\|sign\"];", Dot.Write(y));
    }

    [Fact]
    public void A_big_graph_is_cut_to_the_nodes_nearest_its_output_with_a_note()
    {
        var x = new Value(1.0);
        var v = x;
        for (var i = 0; i < 100; i++)
        {
            v = v.Tanh();
        }

        var dot = Dot.Write(v, options: new DotOptions { MaxNodes = 10 });
        Assert.Equal(10, Count(dot, "shape=record"));
        Assert.Contains("91 more nodes not drawn\\n(101 in all; the 10 nearest the output are shown)", dot);
        Assert.Contains("omitted -> v0_op [style=dashed];", dot); // v0 is the deepest node drawn; its operand was cut
        Assert.Equal(1, Count(dot, "omitted ->"));
    }

    [Fact]
    public void A_bound_below_one_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Dot.Write(new Value(1), options: new DotOptions { MaxNodes = 0 }));
        Assert.Equal("options.MaxNodes", error.ParamName);
    }

    [Fact]
    public void A_direction_that_is_not_a_named_value_is_rejected_not_drawn_top_to_bottom()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Dot.Write(new Value(1), options: new DotOptions { RankDirection = (RankDirection)5 }));
        Assert.Equal("options.RankDirection", error.ParamName);
        Assert.Contains("The direction must be LeftToRight or TopToBottom.", error.Message);
    }

    [Fact]
    public void A_null_output_is_rejected_by_name()
    {
        Assert.Equal("output", Assert.Throws<ArgumentNullException>(() => Dot.Write(null!)).ParamName);
    }

    [Fact]
    public void The_bound_holds_exactly_when_the_last_node_drawn_has_two_operands()
    {
        // a + b with at most 2 nodes: the sum and its first operand a; b is left out.
        var (a, b) = (new Value(1.0, "a"), new Value(2.0, "b"));
        var dot = Dot.Write(a + b, options: new DotOptions { MaxNodes = 2 });
        Assert.Equal(2, Count(dot, "shape=record"));
        Assert.Contains("{ a | data 1.0000 }", dot);
        Assert.DoesNotContain("{ b |", dot);
        Assert.Contains("1 more nodes not drawn\\n(3 in all; the 2 nearest the output are shown)", dot);
    }

    [Fact]
    public void A_leaf_has_no_op_symbol()
    {
        Assert.Equal("", Dot.Symbol(new Value(1.0)));
    }

    [Fact]
    public void A_line_break_inside_a_label_is_drawn_as_a_space()
    {
        Assert.Contains("{ two lines | data 1.0000 }", Dot.Write(new Value(1.0, "two\nlines")));
    }
}
