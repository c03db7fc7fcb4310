namespace Micrograd.Functional.Tests.Engine;

/// <summary>
/// sin, cos, √, |·|, aᵇ with a variable exponent, max, min and the step against closed forms:
/// values, first derivatives by <c>Backward</c>, second derivatives by nested symbolic gradients,
/// and PyTorch's conventions at the special points (checked against libtorch itself in the
/// reference tests).
/// </summary>
public class PrimitiveTests
{
    private static readonly double Root3Over2 = Math.Sqrt(3) / 2;

    private static (double Value, double Derivative, double Second) Unary(Func<Value, Value> f, double x)
    {
        var leaf = new Value(x);
        var y = f(leaf);
        return (y.Data, y.Backward()[leaf], Ad.Grad(Ad.Grad(f))(new Value(x)).Data);
    }

    [Fact]
    public void Sin_at_pi_over_6_is_one_half_with_derivative_cos_and_second_derivative_minus_sin()
    {
        var (y, dy, d2y) = Unary(x => x.Sin(), Math.PI / 6);
        Tolerance.Close(0.5, y, 1e-15);
        Tolerance.Close(Root3Over2, dy, 1e-15);
        Tolerance.Close(-0.5, d2y, 1e-15);
    }

    [Fact]
    public void Cos_at_pi_over_3_is_one_half_with_derivative_minus_sin_and_second_derivative_minus_cos()
    {
        var (y, dy, d2y) = Unary(x => x.Cos(), Math.PI / 3);
        Tolerance.Close(0.5, y, 1e-15);
        Tolerance.Close(-Root3Over2, dy, 1e-15);
        Tolerance.Close(-0.5, d2y, 1e-15);
    }

    [Fact]
    public void Sqrt_of_4_is_2_with_derivative_one_over_2_sqrt_x_and_second_derivative_minus_one_over_4_x_to_the_3_halves()
    {
        var (y, dy, d2y) = Unary(x => x.Sqrt(), 4);
        Assert.Equal(2.0, y);
        Assert.Equal(0.25, dy);
        Tolerance.Close(-1.0 / 32, d2y, 1e-15);
    }

    [Fact]
    public void Sqrt_has_infinite_derivative_at_0_as_pytorch()
    {
        var x = new Value(0.0);
        Assert.Equal(double.PositiveInfinity, x.Sqrt().Backward()[x]);
        Assert.True(double.IsNaN(new Value(-1.0).Sqrt().Data));
    }

    [Theory]
    [InlineData(-3.0, 3.0, -1.0)]
    [InlineData(0.0, 0.0, 0.0)]
    [InlineData(2.5, 2.5, 1.0)]
    public void Abs_has_derivative_sign_x_and_0_at_0_as_pytorch(double x, double value, double derivative)
    {
        var (y, dy, d2y) = Unary(v => v.Abs(), x);
        Assert.Equal(value, y);
        Assert.Equal(derivative, dy);
        Assert.Equal(0.0, d2y);
    }

    [Fact]
    public void A_variable_power_2_to_the_3_has_partials_b_a_to_the_b_minus_1_and_a_to_the_b_ln_a()
    {
        var (a, b) = (new Value(2.0), new Value(3.0));
        var y = a.Pow(b);
        var grads = y.Backward();
        Assert.Equal(8.0, y.Data);
        Assert.Equal(12.0, grads[a]);
        Tolerance.Close(8 * Math.Log(2), grads[b], 1e-15);
    }

    [Fact]
    public void A_variable_powers_second_derivatives_are_its_closed_forms()
    {
        // ∂²/∂a² = b(b−1)aᵇ⁻², ∂²/∂a∂b = aᵇ⁻¹(1 + b ln a), ∂²/∂b² = aᵇ(ln a)².
        var h = Ad.Hessian(v => v[0].Pow(v[1]))([1.5, 2.5]);
        var (a, b) = (1.5, 2.5);
        Tolerance.Close(b * (b - 1) * Math.Pow(a, b - 2), h[0, 0].Data, 1e-14);
        Tolerance.Close(Math.Pow(a, b - 1) * (1 + b * Math.Log(a)), h[0, 1].Data, 1e-14);
        Tolerance.Close(Math.Pow(a, b - 1) * (1 + b * Math.Log(a)), h[1, 0].Data, 1e-14);
        Tolerance.Close(Math.Pow(a, b) * Math.Log(a) * Math.Log(a), h[1, 1].Data, 1e-14);
    }

    [Theory]
    [InlineData(0.0, 2.0, 0.0, 0.0, 0.0)]                        // a = 0, b ≥ 0: ∂b is 0, not 0·(−∞)
    [InlineData(0.0, 0.0, 1.0, 0.0, 0.0)]                        // 0⁰ = 1, and b = 0 gives ∂a = 0
    [InlineData(3.0, 0.0, 1.0, 0.0, 1.0986122886681098)]         // b = 0: ∂a = 0, ∂b = ln 3
    [InlineData(0.0, -1.0, double.PositiveInfinity, double.NegativeInfinity, double.NegativeInfinity)]
    [InlineData(-2.0, 2.0, 4.0, -4.0, double.NaN)]               // ln of a negative base
    public void A_variable_power_follows_pytorchs_cases_at_a_zero_or_negative_base_and_a_zero_exponent(
        double a, double b, double value, double da, double db)
    {
        var (va, vb) = (new Value(a), new Value(b));
        var y = va.Pow(vb);
        var grads = y.Backward();
        Assert.Equal(value, y.Data);
        Assert.Equal(da, grads[va]);
        Assert.Equal(db, grads[vb]);
    }

    [Theory]
    [InlineData(1.0, 2.0, 2.0, 0.0, 1.0, 1.0, 1.0, 0.0)]
    [InlineData(2.0, 1.0, 2.0, 1.0, 0.0, 1.0, 0.0, 1.0)]
    [InlineData(1.5, 1.5, 1.5, 0.5, 0.5, 1.5, 0.5, 0.5)] // a tie splits the gradient ½/½, as torch.maximum/minimum
    public void Max_and_min_pass_the_gradient_to_the_chosen_operand_and_split_a_tie(
        double a, double b, double max, double maxDa, double maxDb, double min, double minDa, double minDb)
    {
        var (va, vb) = (new Value(a), new Value(b));
        var (hi, lo) = (Value.Max(va, vb), Value.Min(va, vb));
        var (dhi, dlo) = (hi.Backward(), lo.Backward());
        Assert.Equal((max, maxDa, maxDb), (hi.Data, dhi[va], dhi[vb]));
        Assert.Equal((min, minDa, minDb), (lo.Data, dlo[va], dlo[vb]));
    }

    [Fact]
    public void Max_with_a_number_on_either_side_makes_it_a_constant_leaf()
    {
        var x = new Value(-2.0);
        var y = Value.Max(x, 0.0) + Value.Min(1.0, x);
        Assert.Equal(-2.0, y.Data);
        Assert.Equal(1.0, y.Backward()[x]);
        Assert.Equal(Op.Leaf, y.Operands[0].Operands[1].Op);
    }

    [Theory]
    [InlineData(-1.0, 0.0)]
    [InlineData(0.0, 0.0)]
    [InlineData(1e-300, 1.0)]
    public void Step_is_1_above_0_else_0_and_has_derivative_0(double x, double value)
    {
        var (y, dy, d2y) = Unary(v => v.Step(), x);
        Assert.Equal((value, 0.0, 0.0), (y, dy, d2y));
    }

    [Fact]
    public void The_new_primitives_pass_finite_differences()
    {
        var report = GradCheck.Check(
            x => x[0].Sin() * x[1].Cos() + (x[0] * x[0] + 1).Sqrt() + (x[1] - 3).Abs() + x[2].Pow(x[0]) + Value.Max(x[0], x[1]) * Value.Min(x[1], x[2]),
            [0.7, -1.3, 2.1]);
        Assert.True(report.Passes(1e-6), $"worst relative error {report.WorstRelativeError}");
    }
}
