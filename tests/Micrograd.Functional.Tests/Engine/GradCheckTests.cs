using System.Collections.Immutable;
namespace Micrograd.Functional.Tests.Engine;

/// <summary>GradCheck: a user's way to check a function's gradients against finite differences.</summary>
public class GradCheckTests
{
    private static Value Rosenbrock(Value[] x) => (1 - x[0]).Pow(2) + 100 * (x[1] - x[0].Pow(2)).Pow(2);

    [Fact]
    public void Rosenbrock_passes_with_errors_near_rounding()
    {
        var report = GradCheck.Check(Rosenbrock, [-1.2, 1.0]);

        // Closed form: ∂f/∂x = −2(1 − x) − 400x(y − x²) = −215.6, ∂f/∂y = 200(y − x²) = −88.
        Tolerance.Relative(-215.6, report.Inputs[0].Analytic, 1e-12);
        Tolerance.Relative(-88.0, report.Inputs[1].Analytic, 1e-12);
        Tolerance.Relative(-215.6, report.Inputs[0].Numeric, 1e-6);
        Assert.True(report.Passes(1e-6), $"worst relative error {report.WorstRelativeError}");
        Assert.True(report.Passes(report.WorstRelativeError), "a tolerance equal to the worst error passes");
        Assert.False(report.Passes(report.WorstRelativeError / 2));
        Assert.InRange(report.WorstRelativeError, 0, 1e-6);
        Assert.Equal(new[] { 0, 1 }, report.Inputs.Select(i => i.Input));
        Assert.Equal(new[] { -1.2, 1.0 }, report.Inputs[0].Point);
    }

    [Fact]
    public void Each_entry_reports_absolute_and_relative_error()
    {
        var entry = GradCheck.Check(x => x[0].Pow(3), [2.0]).Inputs[0];
        Assert.Equal(12.0, entry.Analytic);
        Assert.Equal(Math.Abs(entry.Analytic - entry.Numeric), entry.AbsoluteError);
        Assert.Equal(entry.AbsoluteError / Math.Max(12.0, Math.Abs(entry.Numeric)), entry.RelativeError);
        Assert.InRange(entry.AbsoluteError, 0, 1e-7);
    }

    [Fact]
    public void The_step_scales_with_the_size_of_the_input()
    {
        // At x = 1e6, x³ is near 1e18 where doubles are 128 apart: a fixed step of 1e-6 would drown
        // the difference quotient in rounding (relative error about 4e-5); hᵢ = 1e-6 · |xᵢ| gives 4e-11.
        var report = GradCheck.Check(x => x[0].Pow(3) + x[0], [1e6]);
        Assert.InRange(report.WorstRelativeError, 0, 1e-8);
    }

    /// <summary>A function whose gradient is wrong on purpose: its value is x², but reading x.Data as a constant makes Backward report x + 3 instead of 2x.</summary>
    private static Value WrongGradient(Value[] x) => x[0] * x[0].Data + x[0] * 3 - 3 * x[0].Data;

    [Fact]
    public void A_wrong_gradient_is_caught_and_named()
    {
        var report = GradCheck.Check(x => WrongGradient(x) + x[1].Tanh(), [2.0, 0.3]);
        Assert.False(report.Passes(1e-3));
        Assert.Equal(0, report.Worst.Input);
        Tolerance.Close(2.0 + 3.0, report.Inputs[0].Analytic, 1e-12);
        Tolerance.Close(2 * 2.0, report.Inputs[0].Numeric, 1e-6);
        Assert.True(report.Inputs[1].RelativeError < 1e-6);
    }

    [Fact]
    public void Over_many_points_each_input_reports_its_worst_point()
    {
        ImmutableArray<double>[] points = [[5.0, 1.0], [-1.0, 0.0], [1.0, 5.0]];
        var report = GradCheck.Check(x => WrongGradient(x) + x[1], points);

        // For x₀ the relative error is |(x₀ + 3) − 2x₀| / max(|x₀ + 3|, |2x₀|): 0.2, 2 and 0.5; the worst is at x₀ = −1.
        Assert.Equal(new[] { -1.0, 0.0 }, report.Inputs[0].Point);
        Tolerance.Close(2.0, report.Inputs[0].RelativeError, 1e-6);
        Assert.Equal(2, report.Inputs.Length);
    }

    [Fact]
    public void Zero_gradients_have_zero_relative_error()
    {
        var entry = GradCheck.Check(x => x[0] * 0.0, [1.0]).Inputs[0];
        Assert.Equal((0.0, 0.0, 0.0), (entry.Analytic, entry.Numeric, entry.RelativeError));
    }

    [Fact]
    public void On_a_tie_the_first_input_and_the_first_point_are_reported()
    {
        // f = 0·x₀ + 0·x₁: every error is 0, at both points, for both inputs.
        ImmutableArray<double>[] points = [[1.0, 2.0], [3.0, 4.0]];
        var report = GradCheck.Check(x => x[0] * 0.0 + x[1] * 0.0, points);
        Assert.Equal(0, report.Worst.Input);
        Assert.Equal(new[] { 1.0, 2.0 }, report.Inputs[0].Point);
        Assert.Equal(new[] { 1.0, 2.0 }, report.Inputs[1].Point);
    }

    [Fact]
    public void A_nan_gradient_never_passes_and_counts_as_the_worst()
    {
        // √x₁ at x₁ = 0: Backward says ∞, and the difference quotient needs √(−h), which is NaN.
        var report = GradCheck.Check(x => 2 * x[0] + x[1].Pow(0.5), [1.0, 0.0]);
        Assert.False(report.Passes(1e100));
        Assert.Equal(1, report.Worst.Input);
        Assert.True(double.IsNaN(report.WorstRelativeError));
    }

    [Fact]
    public void A_report_prints_its_worst_error_and_one_readable_line_per_input()
    {
        var text = GradCheck.Check(x => x[0] * x[1], [0.5, -1.5]).ToString();
        Assert.StartsWith("GradCheck: worst relative error ", text);
        Assert.Contains("input 0 at (0.5, -1.5): analytic -1.5, numeric ", text);
        Assert.Contains(Environment.NewLine + "  input 1 at (0.5, -1.5): analytic 0.5, numeric ", text);
        Assert.DoesNotContain("ImmutableArray", text);
    }

    [Fact]
    public void Bad_arguments_are_rejected_with_clear_errors()
    {
        Func<Value[], Value> f = x => x[0];
        Assert.Equal("f", Assert.Throws<ArgumentNullException>(() => GradCheck.Check(null!, [1.0])).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentNullException>(() => GradCheck.Check(f, (IEnumerable<ImmutableArray<double>>)null!)).ParamName);
        Assert.Contains("positive finite number", Assert.Throws<ArgumentOutOfRangeException>(() => GradCheck.Check(f, [1.0], 0.0)).Message);
        Assert.Contains("at least one point", Assert.Throws<ArgumentException>(() => GradCheck.Check(f, Array.Empty<ImmutableArray<double>>())).Message);
        var empty = Assert.Throws<ArgumentException>(() => GradCheck.Check(f, ImmutableArray<double>.Empty));
        Assert.Equal(("points", true), (empty.ParamName, empty.Message.Contains("Point 0 is empty")));
        var missing = Assert.Throws<ArgumentException>(() => GradCheck.Check(f, new ImmutableArray<double>[] { [1.0], default }));
        Assert.Equal(("points", true), (missing.ParamName, missing.Message.Contains("Point 1 is empty")));
        var nan = Assert.Throws<ArgumentException>(() => GradCheck.Check(f, [1.0, double.NaN]));
        Assert.Equal(("points", true), (nan.ParamName, nan.Message.Contains("Point 0, input 1 is NaN")));
        Assert.Contains("input 0 is Infinity", Assert.Throws<ArgumentException>(() => GradCheck.Check(f, [double.PositiveInfinity])).Message);
        Assert.Contains("must have 1 inputs, like the first; one has 2", Assert.Throws<ArgumentException>(() => GradCheck.Check(f, new ImmutableArray<double>[] { [1.0], [1.0, 2.0] })).Message);
        Assert.Contains("returned null", Assert.Throws<ArgumentNullException>(() => GradCheck.Check(_ => null!, [1.0])).Message);
        foreach (var step in new[] { 0.0, -1e-6, double.NaN, double.PositiveInfinity })
        {
            Assert.Equal("step", Assert.Throws<ArgumentOutOfRangeException>(() => GradCheck.Check(f, [1.0], step)).ParamName);
        }
    }
}
