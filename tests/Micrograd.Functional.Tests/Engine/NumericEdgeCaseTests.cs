namespace Micrograd.Functional.Tests.Engine;

/// <summary>
/// Edge cases follow IEEE-754 as PyTorch does, and never throw. Expected values are closed forms
/// (checked with Python's math module) or the IEEE results PyTorch's float64 gives.
/// </summary>
public class NumericEdgeCaseTests
{
    [Fact]
    public void One_over_zero_is_infinity_and_its_slope_minus_infinity()
    {
        var x = new Value(0.0);
        var y = 1.0 / x;
        Assert.Equal(double.PositiveInfinity, y.Data);
        Assert.Equal(double.NegativeInfinity, y.Backward()[x]);
    }

    [Fact]
    public void One_over_negative_zero_is_minus_infinity()
    {
        Assert.Equal(double.NegativeInfinity, (1.0 / new Value(-0.0)).Data);
    }

    [Fact]
    public void Log_of_zero_is_minus_infinity_with_slope_infinity()
    {
        var x = new Value(0.0);
        var y = x.Log();
        Assert.Equal(double.NegativeInfinity, y.Data);
        Assert.Equal(double.PositiveInfinity, y.Backward()[x]);
    }

    [Fact]
    public void Log_of_a_negative_number_is_nan()
    {
        var x = new Value(-1.0);
        var y = x.Log();
        Assert.True(double.IsNaN(y.Data));
        Assert.Equal(-1.0, y.Backward()[x]); // d/dx ln x = 1/x, as PyTorch reports it
    }

    [Fact]
    public void A_negative_base_to_a_fractional_power_is_nan()
    {
        var x = new Value(-8.0);
        var y = x.Pow(1.0 / 3.0);
        Assert.True(double.IsNaN(y.Data));
        Assert.True(double.IsNaN(y.Backward()[x]));
    }

    [Fact]
    public void A_negative_base_to_an_integer_power_is_fine()
    {
        var x = new Value(-2.0);
        var y = x.Pow(3);
        Assert.Equal(-8.0, y.Data);
        Assert.Equal(12.0, y.Backward()[x]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(2.5)]
    [InlineData(-3.0)]
    public void The_zeroth_power_is_one_with_slope_zero_even_at_zero(double data)
    {
        var x = new Value(data);
        var y = x.Pow(0);
        Assert.Equal(1.0, y.Data);
        Assert.Equal(0.0, y.Backward()[x]);
    }

    [Fact]
    public void The_first_power_of_zero_has_slope_one()
    {
        var x = new Value(0.0);
        Assert.Equal(1.0, x.Pow(1).Backward()[x]);
    }

    [Theory]
    [InlineData(-1.0, 0.0, 0.0)]
    [InlineData(0.0, 0.0, 0.0)]
    [InlineData(2.0, 2.0, 1.0)]
    [InlineData(1e-300, 1e-300, 1.0)]
    public void Relu_is_max_zero_x_and_its_slope_at_zero_is_zero(double data, double value, double slope)
    {
        var x = new Value(data);
        var y = x.Relu();
        Assert.Equal(value, y.Data);
        Assert.Equal(slope, y.Backward()[x]);
    }

    [Fact]
    public void Relu_passes_a_negative_zero_through_as_micrograds_0_if_x_lt_0_else_x_does()
    {
        // −0 < 0 is false, so micrograd returns x itself, −0 (1/−0 is −∞), not the constant 0.
        Assert.Equal(double.NegativeInfinity, 1 / new Value(-0.0).Relu().Data);
        Assert.Equal(double.PositiveInfinity, 1 / new Value(0.0).Relu().Data);
    }

    [Theory]
    [InlineData(800.0, 1.0, 0.0)]
    [InlineData(-800.0, 0.0, 0.0)]
    [InlineData(0.0, 0.5, 0.25)]
    [InlineData(40.0, 1.0, 0.0)] // σ(40) rounds to 1, so σ·(1 − σ) is 0: PyTorch's backward gives 0 too
    [InlineData(-40.0, 4.248354255291589e-18, 4.248354255291589e-18)]
    public void Sigmoid_saturates_to_0_or_1_without_nan_for_large_inputs(double data, double value, double slope)
    {
        var x = new Value(data);
        var y = x.Sigmoid();
        Tolerance.Relative(value, y.Data, 1e-12, "σ(x)");
        Tolerance.Relative(slope, y.Backward()[x], 1e-9, "σ′(x)");
        Assert.False(double.IsNaN(y.Data));
    }

    [Theory]
    [InlineData(0.0, 0.6931471805599453, 0.5)]
    [InlineData(2.0, 2.1269280110429727, 0.8807970779778823)]
    [InlineData(-40.0, 4.248354255291589e-18, 4.248354255291589e-18)]
    [InlineData(-800.0, 0.0, 0.0)]
    [InlineData(800.0, 800.0, 1.0)]
    public void Softplus_is_ln_1_plus_e_x_without_overflow_or_lost_tiny_values(double data, double value, double slope)
    {
        var x = new Value(data);
        var y = x.Softplus();
        Tolerance.Relative(value, y.Data, 1e-15, "softplus x");
        Tolerance.Relative(slope, y.Backward()[x], 1e-15, "σ(x)");
    }

    [Fact]
    public void Exp_overflows_to_infinity()
    {
        var x = new Value(1000.0);
        var y = x.Exp();
        Assert.Equal(double.PositiveInfinity, y.Data);
        Assert.Equal(double.PositiveInfinity, y.Backward()[x]);
    }

    [Theory]
    [InlineData(0.5, 0.46211715726000974, 0.7864477329659274)]
    [InlineData(-2.0, -0.9640275800758169, 0.07065082485316443)]
    [InlineData(30.0, 1.0, 0.0)]
    public void Tanh_and_its_slope_match_pytorch(double data, double value, double slope)
    {
        var x = new Value(data);
        var y = x.Tanh();
        Tolerance.Relative(value, y.Data, 1e-15, "tanh x");
        Tolerance.Close(slope, y.Backward()[x], 1e-15, "1 − tanh² x");
    }

    [Fact]
    public void Nan_propagates_through_the_graph_and_its_gradients()
    {
        var x = new Value(double.NaN);
        var w = new Value(2.0);
        var y = (x * w).Tanh() + w;
        var grads = y.Backward();
        Assert.True(double.IsNaN(y.Data));
        Assert.True(double.IsNaN(grads[x]));
        Assert.True(double.IsNaN(grads[w]));
    }

    [Fact]
    public void Infinity_times_zero_is_nan_as_ieee_says()
    {
        var x = new Value(double.PositiveInfinity);
        var zero = new Value(0.0);
        var y = x * zero;
        Assert.True(double.IsNaN(y.Data));
        var grads = y.Backward();
        Assert.Equal(0.0, grads[x]);
        Assert.Equal(double.PositiveInfinity, grads[zero]);
    }
}
