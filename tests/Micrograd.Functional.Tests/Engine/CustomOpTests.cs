namespace Micrograd.Functional.Tests.Engine;

/// <summary>
/// A user-defined primitive, softsign(x) = x / (1 + |x|), against its closed forms
/// softsign′(x) = 1/(1 + |x|)² and softsign″(x) = −2·sign(x)/(1 + |x|)³ and against finite
/// differences, on every path: Backward, the compiled tape, forward mode, pullbacks, symbolic
/// gradients (nested), drawing; and a binary one, hypot(a, b) = √(a² + b²).
/// </summary>
public class CustomOpTests
{
    private static double Softsign(double x) => x / (1 + Math.Abs(x));

    private static double SoftsignPrime(double x) => 1 / ((1 + Math.Abs(x)) * (1 + Math.Abs(x)));

    private static double SoftsignSecond(double x) => -2 * Math.Sign(x) / Math.Pow(1 + Math.Abs(x), 3);

    private static readonly CustomOp Nestable = CustomOp.Unary("softsign", Softsign, SoftsignPrime, x => (1 + x.Abs()).Pow(-2));

    private static readonly CustomOp NumericOnly = CustomOp.Unary("softsign", Softsign, SoftsignPrime);

    private static readonly CustomOp Hypot = CustomOp.Binary(
        "hypot",
        (a, b) => Math.Sqrt(a * a + b * b),
        (a, b) => (a / Math.Sqrt(a * a + b * b), b / Math.Sqrt(a * a + b * b)),
        (a, b) => (a / (a * a + b * b).Sqrt(), b / (a * a + b * b).Sqrt()));

    public static TheoryData<double> Points => [-2.5, -0.3, 0.4, 3.0];

    [Theory]
    [MemberData(nameof(Points))]
    public void Backward_gives_the_closed_form_derivative(double x)
    {
        var leaf = new Value(x);
        var y = Nestable.Apply(leaf) * 3;
        Tolerance.Close(3 * Softsign(x), y.Data, 1e-15);
        Tolerance.Close(3 * SoftsignPrime(x), y.Backward()[leaf], 1e-15);
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void The_compiled_tape_and_backward_agree_bit_for_bit_without_a_rule_over_values(double x)
    {
        Func<Value[], Value> f = v => NumericOnly.Apply(v[0] * v[1]) + v[1];
        var leaves = new[] { new Value(x), new Value(1.5) };
        var engine = f(leaves).Backward();
        var compiled = Compiler.Compile(f, 2);
        var gradient = new double[2];
        var value = compiled.ValueAndGrad([x, 1.5], gradient);

        Assert.Equal(f(leaves).Data, value);
        Assert.Equal(engine.For(leaves), gradient);
        Assert.Equal(value, compiled.Evaluate([x, 1.5]));
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void Forward_mode_and_a_pullback_give_the_closed_form_derivative(double x)
    {
        var (value, tangent) = Ad.Jvp(v => Nestable.Apply(v[0]))([x], [1.0]);
        var (_, pullback) = Ad.Vjp(v => Nestable.Apply(v[0]))([x]);
        Tolerance.Close(Softsign(x), value.Data, 1e-15);
        Tolerance.Close(SoftsignPrime(x), tangent.Data, 1e-15);
        Tolerance.Close(2 * SoftsignPrime(x), pullback(2.0)[0].Data, 1e-15);
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void Nested_grad_gives_the_closed_form_second_derivative_when_the_rule_is_over_values(double x)
    {
        Tolerance.Close(SoftsignPrime(x), Ad.Grad(Nestable.Apply)(new Value(x)).Data, 1e-15);
        Tolerance.Close(SoftsignSecond(x), Ad.Grad(Ad.Grad(Nestable.Apply))(new Value(x)).Data, 1e-14);
    }

    [Fact]
    public void A_compiled_symbolic_gradient_is_right_at_every_input()
    {
        var derivative = Compiler.Compile(v => Ad.Grad(Nestable.Apply)(v[0]), 1);
        foreach (var x in new[] { -2.5, 0.4, 3.0 })
        {
            Tolerance.Close(SoftsignPrime(x), derivative.Evaluate([x]), 1e-15);
        }
    }

    [Fact]
    public void Without_a_rule_over_values_symbolic_gradients_refuse_with_the_ops_name()
    {
        var error = Assert.Throws<NotSupportedException>(() => Ad.Grad(NumericOnly.Apply)(new Value(0.5)));
        Assert.Contains("'softsign'", error.Message);
        Assert.Contains("derivativeOverValues", error.Message);
        Assert.Throws<NotSupportedException>(() => Ad.Jvp(v => NumericOnly.Apply(v[0]))([0.5], [1.0]));
        Assert.False(NumericOnly.HasRuleOverValues);
        Assert.True(Nestable.HasRuleOverValues);
    }

    [Fact]
    public void A_binary_custom_op_has_both_partials_and_its_hessian()
    {
        var (a, b) = (new Value(3.0), new Value(4.0));
        var y = Hypot.Apply(a, b);
        var grads = y.Backward();
        Assert.Equal((5.0, 0.6, 0.8), (y.Data, grads[a], grads[b]));

        // ∂²/∂a² = b²/h³, ∂²/∂a∂b = −ab/h³.
        var h = Ad.Hessian(v => Hypot.Apply(v[0], v[1]))([3.0, 4.0]);
        Tolerance.Close(16.0 / 125, h[0, 0].Data, 1e-15);
        Tolerance.Close(-12.0 / 125, h[0, 1].Data, 1e-15);
    }

    [Fact]
    public void Custom_ops_pass_finite_differences()
    {
        var report = GradCheck.Check(v => Nestable.Apply(v[0]) * Hypot.Apply(v[1], v[0]), [0.7, -1.2]);
        Assert.True(report.Passes(1e-6), $"worst relative error {report.WorstRelativeError}");
    }

    [Fact]
    public void A_custom_op_prints_its_name_and_refuses_a_wrong_number_of_operands()
    {
        Assert.Equal("CustomOp(softsign, unary)", Nestable.ToString());
        Assert.Contains("op=Custom(hypot)", Hypot.Apply(new Value(1.0), new Value(2.0)).ToString());
        Assert.Contains("takes 2 operands", Assert.Throws<InvalidOperationException>(() => Hypot.Apply(new Value(1.0))).Message);
        Assert.Contains("takes 1 operand", Assert.Throws<InvalidOperationException>(() => Nestable.Apply(new Value(1.0), new Value(2.0))).Message);
        Assert.Throws<ArgumentException>(() => CustomOp.Unary(" ", Math.Sin, Math.Cos));
    }

    [Fact]
    public void The_errors_for_a_wrong_number_of_operands_name_the_op_and_both_counts()
    {
        Assert.Equal("CustomOp(hypot, binary)", Hypot.ToString());
        Assert.Equal("The custom op 'softsign' takes 1 operand; it was applied to 2.", Assert.Throws<InvalidOperationException>(() => Nestable.Apply(new Value(1.0), new Value(2.0))).Message);
        Assert.Equal("The custom op 'hypot' takes 2 operands; it was applied to 1.", Assert.Throws<InvalidOperationException>(() => Hypot.Apply(new Value(1.0))).Message);
    }

    [Fact]
    public void Without_a_rule_over_values_the_error_says_which_rule_to_pass_and_what_still_works()
    {
        var unary = CustomOp.Unary("cube", x => x * x * x, x => 3 * x * x);
        var binary = CustomOp.Binary("product", (a, b) => a * b, (a, b) => (b, a));
        Assert.False(unary.HasRuleOverValues);
        Assert.False(binary.HasRuleOverValues);
        var one = Assert.Throws<NotSupportedException>(() => unary.Apply(new Value(2.0)).BackwardSymbolic()).Message;
        var two = Assert.Throws<NotSupportedException>(() => binary.Apply(new Value(2.0), new Value(3.0)).BackwardSymbolic()).Message;
        Assert.Contains("The custom op 'cube' was made without a derivative rule over Value", one);
        Assert.Contains("(BackwardSymbolic and the Ad transforms: Grad, Jvp, Vjp, Jacobians, Hessians, and a compiled gradient function need one)", one);
        Assert.Contains("Pass derivativeOverValues when making it", one);
        Assert.Contains("Pass partialsOverValues when making it", two);
        Assert.EndsWith("Backward and the compiled tape work without it.", two);

        // Backward needs only the numeric rules: d/dx x³ = 12 at 2, ∂(ab)/∂a = b = 3.
        var x = new Value(2.0);
        Assert.Equal(12.0, unary.Apply(x).Backward()[x]);
        Assert.Equal(3.0, binary.Apply(x, new Value(3.0)).Backward()[x]);
    }

    [Fact]
    public void A_missing_formula_or_operand_is_rejected_by_name()
    {
        Assert.Equal("forward", Assert.Throws<ArgumentNullException>(() => CustomOp.Unary("f", null!, Math.Cos)).ParamName);
        Assert.Equal("derivative", Assert.Throws<ArgumentNullException>(() => CustomOp.Unary("f", Math.Sin, null!)).ParamName);
        Assert.Equal("forward", Assert.Throws<ArgumentNullException>(() => CustomOp.Binary("f", null!, (a, b) => (b, a))).ParamName);
        Assert.Equal("partials", Assert.Throws<ArgumentNullException>(() => CustomOp.Binary("f", (a, b) => a * b, null!)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentNullException>(() => Nestable.Apply(null!)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentNullException>(() => Hypot.Apply(null!, new Value(1.0))).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentNullException>(() => Hypot.Apply(new Value(1.0), null!)).ParamName);
    }

    [Fact]
    public void A_custom_op_is_safe_to_use_from_many_threads_at_once()
    {
        static (double, double) Derivatives(int i)
        {
            var x = new Value(i / 1000.0 - 5);
            return (Ad.Grad(Nestable.Apply)(x).Data, Nestable.Apply(x).Backward()[x]);
        }

        var alone = Enumerable.Range(0, 10_000).Select(Derivatives).ToArray();
        var together = new (double, double)[alone.Length];
        Parallel.For(0, together.Length, i => together[i] = Derivatives(i));
        Assert.Equal(alone, together);
    }
}
