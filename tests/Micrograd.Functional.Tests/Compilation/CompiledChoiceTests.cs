namespace Micrograd.Functional.Tests.Compilation;

/// <summary>
/// A compiled symbolic gradient runs one fixed tape, so every choice a derivative rule makes
/// (ReLU's step, |x|'s sign, max's choice and tie, pow's special cases) must be an op on that
/// tape, not a decision taken once on the placeholder input. Each test compiles the derivative
/// and evaluates it on both sides of the choice.
/// </summary>
public class CompiledChoiceTests
{
    private static double CompiledDerivative(Func<Value, Value> f, double x) =>
        Compiler.Compile(v => Ad.Grad(f)(v[0]), 1).Evaluate([x]);

    [Theory]
    [InlineData(-2.0, 0.0)]
    [InlineData(3.0, 6.0)]
    public void The_derivative_of_relu_x_times_x_is_right_on_both_sides(double x, double expected) =>
        Assert.Equal(expected, CompiledDerivative(v => v.Relu() * v, x));

    [Theory]
    [InlineData(-2.0, -1.0)]
    [InlineData(0.0, 0.0)]
    [InlineData(3.0, 1.0)]
    public void The_derivative_of_abs_is_the_sign_at_every_input(double x, double expected) =>
        Assert.Equal(expected, CompiledDerivative(v => v.Abs(), x));

    [Theory]
    [InlineData(-2.0, 0.0)]
    [InlineData(1.0, 0.5)]
    [InlineData(3.0, 1.0)]
    public void The_derivative_of_max_with_1_follows_the_choice_and_splits_the_tie(double x, double expected) =>
        Assert.Equal(expected, CompiledDerivative(v => Value.Max(v, 1.0), x));

    [Fact]
    public void A_compiled_gradient_of_a_variable_power_takes_pytorchs_cases_at_each_input()
    {
        var gradient = Compiler.Compile(v => Ad.Grads(x => x[0].Pow(x[1]))(v)[1], 2);
        Assert.Equal(0.0, gradient.Evaluate([0.0, 2.0]));                         // a = 0, b ≥ 0: 0
        Assert.Equal(8 * Math.Log(2), gradient.Evaluate([2.0, 3.0]), 1e-15);     // aᵇ ln a
        var da = Compiler.Compile(v => Ad.Grads(x => x[0].Pow(x[1]))(v)[0], 2);
        Assert.Equal(0.0, da.Evaluate([0.0, 0.0]));                              // b = 0: 0, not 0·∞
        Assert.Equal(12.0, da.Evaluate([2.0, 3.0]));
    }

    [Fact]
    public void Compiling_a_function_that_uses_the_step_op_follows_it_at_every_input()
    {
        var f = Compiler.Compile(v => v[0].Step() * v[1] + (1 - v[0].Step()) * v[1] * 2, 2);
        Assert.Equal(5.0, f.Evaluate([1.0, 5.0]));
        Assert.Equal(10.0, f.Evaluate([-1.0, 5.0]));
    }
}
