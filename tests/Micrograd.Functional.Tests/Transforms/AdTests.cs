using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Micrograd.Functional.Tests.Engine;

namespace Micrograd.Functional.Tests.Transforms;

/// <summary>Derivatives of derivatives: the transforms nest, and obey the laws of second-order calculus.</summary>
[Properties(Arbitrary = [typeof(ExpressionGraphs)], MaxTest = 150)]
public class AdTests
{
    [Fact]
    public void The_second_derivative_of_x_cubed_at_2_is_12()
    {
        Assert.Equal(12.0, Ad.Grad(Ad.Grad(x => x.Pow(3)))(new Value(2.0)).Data);
        Assert.Equal(6.0, Ad.Grad(Ad.Grad(Ad.Grad(x => x.Pow(3))))(new Value(2.0)).Data);
    }

    [Property]
    public void Nested_derivatives_are_not_confused(sbyte seed)
    {
        // DiffSharp's regression test: d/dx [x · (d/dy (x·y))] = d/dx [x · x] = 2x, whatever y is.
        var x0 = seed / 16.0;
        var derivative = Ad.Grad(x => x * Ad.Grad(y => x * y)(new Value(7.0)))(new Value(x0));
        Assert.Equal(2 * x0, derivative.Data);
    }

    public static TheoryData<string, double> Points => new() { { "x^n", 1.3 }, { "exp", -0.4 }, { "log", 2.5 }, { "tanh", 0.7 }, { "sigmoid", -1.1 } };

    [Theory]
    [MemberData(nameof(Points))]
    public void Second_derivatives_match_their_closed_forms(string function, double x0)
    {
        var (f, second) = function switch
        {
            "x^n" => ((Func<Value, Value>)(x => x.Pow(4.5)), 4.5 * 3.5 * Math.Pow(x0, 2.5)),
            "exp" => (x => x.Exp(), Math.Exp(x0)),
            "log" => (x => x.Log(), -1 / (x0 * x0)),
            "tanh" => (x => x.Tanh(), -2 * Math.Tanh(x0) / (Math.Cosh(x0) * Math.Cosh(x0))),
            _ => (x => x.Sigmoid(), Sigmoid(x0) * (1 - Sigmoid(x0)) * (1 - 2 * Sigmoid(x0))),
        };
        Tolerance.Close(second, Ad.Grad(Ad.Grad(f))(new Value(x0)).Data, 1e-13, $"{function}''({x0})");
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [Property]
    public void Symbolic_gradients_have_the_values_of_numeric_gradients(RandomGraph graph)
    {
        var (x, y) = graph.Build();
        var numeric = y.Backward().For(x);
        var symbolic = y.BackwardSymbolic().For(x);
        for (var i = 0; i < x.Length; i++)
        {
            Tolerance.Close(numeric[i], symbolic[i].Data, 1e-12, $"∂y/∂x{i}");
        }
    }

    [Property]
    public void Forward_mode_jvp_equals_the_gradient_dotted_with_the_tangent(RandomGraph graph, sbyte[] directions)
    {
        var tangents = graph.Inputs.Select((_, i) => i < directions.Length ? directions[i] / 32.0 : 1.0).ToArray();
        var (value, tangent) = Ad.Jvp(x => graph.Build(x))(Leaves.Of(graph.Inputs), Leaves.Of(tangents));
        var (x, y) = graph.Build();
        var gradient = y.Backward().For(x);
        Assert.Equal(y.Data, value.Data);
        Tolerance.Close(gradient.Zip(tangents, (g, t) => g * t).Sum(), tangent.Data, 1e-12);
    }

    [Property]
    public void Vjp_pulls_a_cotangent_back_to_a_scaled_gradient(RandomGraph graph, sbyte c)
    {
        var (value, pullback) = Ad.Vjp(x => graph.Build(x))(Leaves.Of(graph.Inputs));
        var (x, y) = graph.Build();
        Assert.Equal(y.Data, value.Data);
        Assert.Equal(y.Backward().For(x).Select(g => c * g), pullback(new Value(c)).Select(d => d.Data));
    }

    [Property]
    public void Hessians_are_symmetric(RandomGraph graph)
    {
        var h = Leaves.Numbers(Ad.Hessian(x => graph.Build(x))(Leaves.Of(graph.Inputs)));
        for (var i = 0; i < graph.Inputs.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                Tolerance.Close(h[i, j], h[j, i], 1e-10, $"H[{i},{j}] vs H[{j},{i}]");
            }
        }
    }

    [Property]
    public void Second_derivatives_agree_with_finite_differences_of_first_derivatives(RandomGraph graph)
    {
        var h = Leaves.Numbers(Ad.Hessian(x => graph.Build(x))(Leaves.Of(graph.Inputs)));
        var gradient = Ad.Grads(x => graph.Build(x));
        for (var j = 0; j < graph.Inputs.Length; j++)
        {
            var step = 1e-5 * Math.Max(1, Math.Abs(graph.Inputs[j]));
            var plus = (double[])graph.Inputs.Clone();
            var minus = (double[])graph.Inputs.Clone();
            plus[j] += step;
            minus[j] -= step;
            var gPlus = gradient([.. plus.Select(v => new Value(v))]);
            var gMinus = gradient([.. minus.Select(v => new Value(v))]);
            for (var i = 0; i < graph.Inputs.Length; i++)
            {
                Tolerance.Close((gPlus[i].Data - gMinus[i].Data) / (2 * step), h[i, j], 1e-4, $"H[{i},{j}]");
            }
        }
    }

    [Property(MaxTest = 500)]
    public Property Taylors_second_order_error_has_no_h_squared_term(RandomGraph graph)
    {
        // One variable: e(h) = f(x + h) − (f + f′h + f″h²/2) = c₃h³ + c₄h⁴ + …, with no h² term when f″ is
        // right (a wrong f″, off by δ, adds δh²/2). So r(h) = e(h)/h² = c₂ + c₃h + c₄h² + …, and Richardson
        // extrapolation over h, h/2, h/4 cancels c₃ and c₄ and leaves c₂, which must vanish. (Comparing
        // the sizes of e(h) and e(h/2) instead fails where c₃ and c₄ nearly cancel, near a zero of f‴.)
        Func<Value, Value> f = x => graph.Build([x, .. graph.Inputs.Skip(1).Select(v => new Value(v))]);
        var x0 = graph.Inputs[0];
        var (y, d1, d2) = (f(new Value(x0)).Data, Ad.Grad(f)(new Value(x0)).Data, Ad.Grad(Ad.Grad(f))(new Value(x0)).Data);
        double R(double h) => (f(new Value(x0 + h)).Data - (y + d1 * h + d2 * h * h / 2)) / (h * h);
        // h ≤ 0.002: with 0.004, a steep graph (f″ = 479, a quotient by cos + log) left c₅h³ = 5e-3 in c₂ in exact
        // arithmetic; rounding stays below 1e-7 at these steps.
        var c2 = (8 * R(0.0005) - 6 * R(0.001) + R(0.002)) / 3;
        var scale = 1 + Math.Abs(y) + Math.Abs(d1) + Math.Abs(d2);
        return Prop.When(double.IsFinite(c2) && scale < 1e3, () => Assert.True(Math.Abs(c2) <= 1e-5 * scale, $"h² coefficient {c2}, f″ = {d2}"));
    }

    [Fact]
    public void The_hessian_of_rosenbrock_at_1_1_is_802_minus_400_minus_400_200()
    {
        var h = Leaves.Numbers(Ad.Hessian(x => (1 - x[0]).Pow(2) + 100 * (x[1] - x[0].Pow(2)).Pow(2))(Leaves.Of(1.0, 1.0)));
        Assert.Equal(new double[,] { { 802, -400 }, { -400, 200 } }, h);
    }

    [Fact]
    public void Newtons_method_with_automatic_second_derivatives_finds_a_minimum()
    {
        // g(x) = x⁴ − 3x³ + 2 has g′(x) = x²(4x − 9): its minimum is at x = 9/4.
        Func<Value, Value> g = x => x.Pow(4) - 3 * x.Pow(3) + 2;
        var (slope, curvature) = (Ad.Grad(g), Ad.Grad(Ad.Grad(g)));
        var x = 3.0;
        for (var step = 0; step < 8; step++)
        {
            x -= slope(new Value(x)).Data / curvature(new Value(x)).Data; // x ← x − g′(x)/g″(x)
        }

        Tolerance.Relative(2.25, x, 1e-15);
    }

    [Fact]
    public void A_symbolic_backward_of_a_100000_deep_chain_does_not_recurse()
    {
        var x = new Value(0.3);
        var v = x;
        for (var i = 0; i < 100_000; i++)
        {
            v = (v * 0.5).Tanh() + x * 1e-3;
        }

        var symbolic = v.BackwardSymbolic()[x];
        Tolerance.Close(v.Backward()[x], symbolic.Data, 1e-12);
        Assert.True(symbolic.Backward().Count > 100_000); // and the gradient graph differentiates again
    }

    [Fact]
    public void A_node_outside_the_graph_has_a_zero_symbolic_gradient()
    {
        var (x, unrelated) = (new Value(2.0), new Value(3.0));
        var grads = x.Pow(2).BackwardSymbolic();
        Assert.Equal(0.0, grads[unrelated].Data);
        Assert.True(grads.Find(unrelated).IsNone);
        Assert.Equal(4.0, grads[x].Data);
        Assert.Equal(1.0, grads[grads.Output].Data);
    }

    [Fact]
    public void Value_and_grad_evaluate_f_once_and_return_both()
    {
        var (value, gradient) = Ad.ValueAndGrads(x => x[0] * x[1])([new Value(3.0), new Value(4.0)]);
        Assert.Equal((12.0, 4.0, 3.0), (value.Data, gradient[0].Data, gradient[1].Data));
        var (v1, g1) = Ad.ValueAndGrad((Value x) => x.Exp())(new Value(0.0));
        Assert.Equal((1.0, 1.0), (v1.Data, g1.Data));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Contains("The point primals has 2 entries but tangents has 1", Assert.Throws<ArgumentException>(() => Ad.Jvp(x => x[0])(Leaves.Of(1.0, 2.0), Leaves.Of(1.0))).Message);
        Assert.Throws<ArgumentNullException>(() => Ad.Grad(null!));
        Assert.Contains("returned null", Assert.Throws<ArgumentNullException>(() => Ad.Vjp(_ => null!)(Leaves.Of(1.0))).Message);
        Assert.Contains("Entry 1 of the point is null", Assert.Throws<ArgumentNullException>(() => Ad.Grads(x => x[0])([new Value(1.0), null!])).Message);
        Assert.Contains("returned null as output 1", Assert.Throws<ArgumentException>(() => Ad.JacobianForward(x => [x[0], null!])(Leaves.Of(1.0))).Message);
        Assert.Contains("The function returned null.", Assert.Throws<ArgumentNullException>(() => Ad.Grad(_ => null!)(new Value(1.0))).Message);
        Assert.Contains("The function returned null.", Assert.Throws<ArgumentNullException>(() => Ad.JacobianReverse(_ => null!)(Leaves.Of(1.0))).Message);
        Assert.Equal("c", Assert.Throws<ArgumentNullException>(() => Ad.Vjp(x => x[0] * x[0])(Leaves.Of(1.0)).Pullback(null!)).ParamName);
    }
}
