using System.Globalization;
using Micrograd.Playground.Pages;

namespace Micrograd.Playground.Tests.Pages;

public class NeuronPageTests
{
    private static string F4(double x) => x.ToString("F4", CultureInfo.InvariantCulture);

    private static IRenderedComponent<Neuron> Render(BunitContext ctx)
    {
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx.Render<Neuron>();
    }

    private static string Hook(IRenderedComponent<Neuron> cut, string id) => cut.Find($"[data-testid={id}]").TextContent.Trim();

    [Fact]
    public void At_the_lecture_defaults_o_is_tanh_of_n_and_every_gradient_follows_from_do_dn_equals_1_minus_tanh_squared()
    {
        using var ctx = new BunitContext();
        var cut = Render(ctx);

        // Closed form: n = x1·w1 + x2·w2 + b, o = tanh n, do/dn = 1 − o²; a product's gradient is the other factor times do/dn.
        double x1 = 2, x2 = 0, w1 = -3, w2 = 1, b = 6.8813735870195432;
        var n = x1 * w1 + x2 * w2 + b;
        var o = Math.Tanh(n);
        var dn = 1 - o * o;
        Assert.Equal(F4(o), Hook(cut, "output-value"));
        Assert.Equal("0.7071", Hook(cut, "output-value"));
        Assert.Equal(o, double.Parse(cut.Find("[data-testid=output-value]").GetAttribute("title")!, CultureInfo.InvariantCulture), 1e-15);
        var expected = new Dictionary<string, double>
        {
            ["x1"] = w1 * dn, ["w1"] = x1 * dn, ["x2"] = w2 * dn, ["w2"] = x2 * dn, ["b"] = dn,
            ["x1w1"] = dn, ["x2w2"] = dn, ["x1w1x2w2"] = dn, ["n"] = dn, ["o"] = 1,
        };
        foreach (var (name, grad) in expected)
        {
            Assert.Equal(F4(grad), Hook(cut, "gradient-" + name));
        }

        // The lecture's printed numbers.
        Assert.Equal("-1.5000", Hook(cut, "gradient-x1"));
        Assert.Equal("1.0000", Hook(cut, "gradient-w1"));
        Assert.Equal("0.5000", Hook(cut, "gradient-x2"));
        Assert.Equal("0.0000", Hook(cut, "gradient-w2"));
    }

    [Fact]
    public void Moving_the_x2_slider_updates_o_and_the_gradient_of_w2_which_is_x2_times_do_dn()
    {
        using var ctx = new BunitContext();
        var cut = Render(ctx);

        cut.Find("[data-testid=slider-x2]").Input("1.5");

        var o = Math.Tanh(2 * -3 + 1.5 * 1 + 6.8813735870195432);
        Assert.Equal(F4(o), Hook(cut, "output-value"));
        Assert.Equal(F4(1.5 * (1 - o * o)), Hook(cut, "gradient-w2"));
        Assert.Equal("1.5", cut.Find("[data-testid=value-x2]").GetAttribute("value"));
    }

    [Fact]
    public void Typing_a_bias_in_the_number_box_updates_o_and_text_that_is_no_number_is_refused_by_name()
    {
        using var ctx = new BunitContext();
        var cut = Render(ctx);

        cut.Find("[data-testid=value-b]").Input("-1");
        Assert.Equal(F4(Math.Tanh(-6 - 1)), Hook(cut, "output-value"));

        cut.Find("[data-testid=value-b]").Input("abc");
        Assert.Contains("b: \"abc\" is not a finite number; the neuron keeps -1.", Hook(cut, "neuron-error"), StringComparison.Ordinal);
        Assert.Equal(F4(Math.Tanh(-7)), Hook(cut, "output-value"));
    }

    [Theory]
    [InlineData("relu")]
    [InlineData("sigmoid")]
    public void Another_activation_changes_o_and_do_dn_to_its_own_derivative(string activation)
    {
        using var ctx = new BunitContext();
        var cut = Render(ctx);

        cut.Find("[data-testid=neuron-activation]").Change(activation);

        var n = 2 * -3 + 6.8813735870195432;
        var (o, dn) = activation == "relu" ? (n, 1.0) : (1 / (1 + Math.Exp(-n)), 1 / (1 + Math.Exp(-n)) * (1 - 1 / (1 + Math.Exp(-n))));
        Assert.Equal(F4(o), Hook(cut, "output-value"));
        Assert.Equal(F4(-3 * dn), Hook(cut, "gradient-x1"));
    }

    [Fact]
    public void The_graph_draws_the_ten_labelled_values_of_the_neuron()
    {
        using var ctx = new BunitContext();
        var cut = Render(ctx);

        Assert.Equal("10", cut.Find("[data-testid=graph]").GetAttribute("data-nodes"));
        var dot = Assert.Single(ctx.JSInterop.Invocations, i => i.Identifier == "micrograd.renderDot").Arguments[1] as string;
        foreach (var label in new[] { "x1", "x2", "w1", "w2", "b", "x1w1", "x2w2", "x1w1x2w2", "n", "o" })
        {
            Assert.Contains("{ " + label + " | data ", dot, StringComparison.Ordinal);
        }
    }
}
