using FsCheck.Xunit;

namespace Micrograd.Functional.Tests.Engine;

/// <summary>
/// StopGradient: the same value, and exactly 0 gradient through it, in every mode: Backward, the
/// compiled tape, forward mode (Jvp) and symbolic reverse mode (Grad). Exactly 0 means not 0·upstream:
/// with an infinite gradient arriving at the stop (√ at 0), the operand still gets 0, not NaN.
/// </summary>
public class StopGradientTests
{
    // f(x) = x·stop(x): the value x², the derivative x (the stopped factor counts as a constant).
    private static Value HalfStopped(Value x) => x * x.StopGradient();

    // g(x) = √stop(x) + x at x = 0: ∂g/∂stop = +∞, yet dg/dx = 1 exactly.
    private static Value InfiniteUpstream(Value x) => x.StopGradient().Sqrt() + x;

    [Fact]
    public void Stop_gradient_keeps_the_value()
    {
        var x = new Value(-1.25);
        Assert.Equal(-1.25, x.StopGradient().Data);
        Assert.Equal(Op.StopGradient, x.StopGradient().Op);
    }

    [Fact]
    public void Backward_treats_the_stopped_factor_as_a_constant()
    {
        var x = new Value(3.0);
        var y = HalfStopped(x);
        Assert.Equal(9.0, y.Data);
        Assert.Equal(3.0, y.Backward()[x]);
    }

    [Fact]
    public void Backward_passes_exactly_zero_even_when_the_gradient_arriving_is_infinite()
    {
        var x = new Value(0.0);
        var grads = InfiniteUpstream(x).Backward();
        Assert.Equal(1.0, grads[x]);
        Assert.Equal(0.0, x.StopGradient().Sqrt().Backward()[x]);
    }

    [Fact]
    public void The_compiled_tape_passes_exactly_zero()
    {
        var f = Compiler.Compile(v => HalfStopped(v[0]), 1);
        var g = Compiler.Compile(v => InfiniteUpstream(v[0]), 1);
        var gradient = new double[1];

        Assert.Equal(16.0, f.ValueAndGrad([4.0], gradient));
        Assert.Equal(4.0, gradient[0]);
        Assert.Equal(25.0, f.ValueAndGrad([-5.0], gradient));
        Assert.Equal(-5.0, gradient[0]);

        g.ValueAndGrad([0.0], gradient);
        Assert.Equal(1.0, gradient[0]);
    }

    [Fact]
    public void Forward_mode_pushes_no_tangent_through_it_even_an_infinite_one()
    {
        var (value, tangent) = Ad.Jvp(v => HalfStopped(v[0]))([3.0], [1.0]);
        Assert.Equal((9.0, 3.0), (value.Data, tangent.Data));

        // d/dx stop(√x) at 0: √'s tangent is +∞, and the stop still gives exactly 0.
        Assert.Equal(0.0, Ad.Jvp(v => v[0].Sqrt().StopGradient())([0.0], [1.0]).Tangent.Data);
    }

    [Fact]
    public void Symbolic_gradients_pass_exactly_zero_and_nest()
    {
        var x = new Value(3.0);
        Assert.Equal(3.0, Ad.Grad(HalfStopped)(x).Data);
        Assert.Equal(0.0, Ad.Grad(Ad.Grad(HalfStopped))(x).Data); // f′ = stop(x), whose derivative is 0 (as JAX's grad(grad(...)))
        Assert.Equal(1.0, Ad.Grad(InfiniteUpstream)(new Value(0.0)).Data);
        Assert.Equal(0.0, Ad.Grad(v => v.StopGradient().Pow(3))(new Value(2.0)).Data);
    }

    [Fact]
    public void A_stopped_value_is_recomputed_at_every_input_of_a_compiled_function_unlike_a_constant()
    {
        var f = Compiler.Compile(v => v[0].StopGradient() * 2, 1);
        Assert.Equal(6.0, f.Evaluate([3.0]));
        Assert.Equal(-2.0, f.Evaluate([-1.0]));
    }

    [Property(Arbitrary = [typeof(ExpressionGraphs)], MaxTest = 200)]
    public void Product_rule_with_a_stopped_factor_d_of_f_times_stop_g_is_df_g(GraphPair pair)
    {
        var (x, f, g) = pair.Build();
        var (df, dproduct, dstopped) = (f.Backward(), (f * g.StopGradient()).Backward(), g.StopGradient().Backward());
        foreach (var xi in x)
        {
            Tolerance.Close(df[xi] * g.Data, dproduct[xi], 1e-10);
            Assert.Equal(0.0, dstopped[xi]);
        }
    }

    [Fact]
    public void The_nodes_below_a_stop_are_in_the_gradient_map_with_gradient_zero()
    {
        var x = new Value(2.0);
        var grads = x.Exp().StopGradient().Backward();
        Assert.True(grads.Contains(x));
        Assert.Equal(0.0, grads[x]);
        Assert.False(double.IsNegative(grads[x])); // +0, not −0 from a product
    }

    // Below the stop, the partial is infinite: √ at 0, log at 0. Nothing may flow back through the stop, so the nodes
    // below it get exactly 0; passing them 0 and letting them pass 0·∞ = NaN on gave NaN (before the stop flags).
    private static Value StoppedInfinitePartial(Value x) => x.Sqrt().StopGradient() + (x * x).Log().StopGradient() * 3 + x;

    [Fact]
    public void Nothing_flows_below_a_stop_even_where_a_partial_below_it_is_infinite_in_every_mode()
    {
        var x = new Value(0.0);
        var y = StoppedInfinitePartial(x);

        Assert.Equal(1.0, y.Backward()[x]);
        Assert.Equal(1.0, ReferenceBackward.Of(y)[x]);
        Assert.Equal(1.0, y.BackwardSymbolic()[x].Data);
        Assert.Equal(1.0, Ad.Grad(StoppedInfinitePartial)(new Value(0.0)).Data);
        Assert.Equal(0.0, x.Sqrt().StopGradient().Backward()[x]);
        Assert.Equal(0.0, x.Log().StopGradient().BackwardSymbolic()[x].Data);

        var gradient = new double[1];
        Compiler.Compile(v => StoppedInfinitePartial(v[0]), 1).ValueAndGrad([0.0], gradient);
        Assert.Equal(1.0, gradient[0]);
    }

    [Fact]
    public void Nothing_flows_below_a_stop_through_a_fused_multiply_accumulate_chain_either()
    {
        // w·x + b·x + … is fused into one chain on the tape; stopped, with x = 0 making each product's partial
        // towards the log infinite, the chain must pass nothing at all.
        static Value F(Value[] v) => (v[0].Log() * v[1] + v[0].Log() * v[2] + v[0]).StopGradient() + v[1] * 2;
        var f = Compiler.Compile(F, 3);
        Assert.True(f.ChainCount > 0);
        var gradient = new double[3];
        f.ValueAndGrad([0.0, 1.0, 1.0], gradient);
        Assert.Equal([0.0, 2.0, 0.0], gradient);

        var inputs = new[] { new Value(0.0), new Value(1.0), new Value(1.0) };
        Assert.Equal([0.0, 2.0, 0.0], F(inputs).Backward().For(inputs).ToArray());
    }

    [Fact]
    public void A_node_reached_through_a_stop_first_still_passes_what_another_user_gives_it()
    {
        // n's newest user is the stop, visited first; its older user n·2 passes a gradient after that.
        static Value F(Value x)
        {
            var n = x.Exp();
            var passing = n * 2;
            var stopped = n.StopGradient();
            return stopped * 3 + passing;
        }

        var x = new Value(0.5);
        var expected = 2 * Math.Exp(0.5);
        Assert.Equal(expected, F(x).Backward()[x]);
        Assert.Equal(expected, ReferenceBackward.Of(F(x))[x]);
        Assert.Equal(expected, F(x).BackwardSymbolic()[x].Data);
        Assert.Equal(expected, Compiler.Compile(v => F(v[0]), 1).Grad([0.5])[0]);
    }
}
