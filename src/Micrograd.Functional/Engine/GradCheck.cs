using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Globalization;

namespace Micrograd.Functional;

/// <summary>How well one input's gradient from <see cref="Value.Backward"/> agrees with a central finite difference.</summary>
/// <param name="Input">The input's index in the function's argument array.</param>
/// <param name="Point">The point at which this input's worst disagreement was found.</param>
/// <param name="Analytic">∂f/∂xᵢ from <see cref="Value.Backward"/>.</param>
/// <param name="Numeric">(f(x + hᵢeᵢ) − f(x − hᵢeᵢ)) / 2hᵢ.</param>
/// <param name="AbsoluteError">|Analytic − Numeric|.</param>
/// <param name="RelativeError">|Analytic − Numeric| / max(|Analytic|, |Numeric|), and 0 when both are 0; NaN when either is not finite.</param>
public sealed record InputCheck(int Input, ImmutableArray<double> Point, double Analytic, double Numeric, double AbsoluteError, double RelativeError)
{
    /// <summary>One line, e.g. <c>input 0 at (0.5, -1.5): analytic 1.2, numeric 1.2000000001, relative error 8.3E-11</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"input {Input} at ({string.Join(", ", Point.Select(x => x.ToString(CultureInfo.InvariantCulture)))}): analytic {Analytic:R}, numeric {Numeric:R}, relative error {RelativeError:G3}");
}

/// <summary>The result of <see cref="GradCheck.Check(Func{Value[], Value}, ImmutableArray{double}, double)"/>: one entry per input.</summary>
/// <param name="Inputs">For each input, its worst disagreement over the points checked (the first such point on a tie).</param>
public sealed record GradCheckReport(ImmutableArray<InputCheck> Inputs)
{
    /// <summary>The largest relative error over all inputs (NaN if any input's error is NaN).</summary>
    public double WorstRelativeError => Worst.RelativeError;

    /// <summary>The input with the largest relative error (a NaN error counts as the largest; the first such input on a tie).</summary>
    public InputCheck Worst => Inputs.AsEnumerable().Aggregate((x, y) => IsWorse(y.RelativeError, x.RelativeError) ? y : x);

    /// <summary>True when every input's relative error is at most <paramref name="tolerance"/> (never when one is NaN).</summary>
    /// <param name="tolerance">The largest acceptable relative error, for example 1e-6.</param>
    [Pure]
    public bool Passes(double tolerance) => Inputs.All(i => i.RelativeError <= tolerance);

    /// <summary>A summary line and one line per input, e.g. <c>GradCheck: worst relative error 8.3E-11 (input 0)</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"GradCheck: worst relative error {WorstRelativeError:G3} (input {Worst.Input}){string.Concat(Inputs.Select(i => Environment.NewLine + "  " + i))}");

    /// <summary>NaN is worse than any number.</summary>
    internal static bool IsWorse(double candidate, double current) =>
        double.IsNaN(candidate) ? !double.IsNaN(current) : candidate > current;
}

/// <summary>
/// Checks a function's reverse-mode gradients against central finite differences, the way users of
/// an autograd library check a function of their own (PyTorch's <c>gradcheck</c>).
/// </summary>
public static class GradCheck
{
    /// <summary>The default relative step: hᵢ = 1e-6 · max(1, |xᵢ|), a good balance of truncation and rounding error in double.</summary>
    public const double DefaultStep = 1e-6;

    /// <summary>Compares ∂f/∂xᵢ from <see cref="Value.Backward"/> with (f(x + hᵢeᵢ) − f(x − hᵢeᵢ)) / 2hᵢ at one point.</summary>
    /// <param name="f">The function, from its inputs (fresh leaves) to its output.</param>
    /// <param name="point">The input values; f receives one leaf per entry.</param>
    /// <param name="step">The relative step; hᵢ = step · max(1, |xᵢ|).</param>
    /// <returns>For each input, the gradients and their errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null, or f returns null.</exception>
    /// <exception cref="ArgumentException"><paramref name="point"/> is empty or holds a non-finite number.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not a positive finite number.</exception>
    [Pure]
    public static GradCheckReport Check(Func<Value[], Value> f, ImmutableArray<double> point, double step = DefaultStep) =>
        Check(f, [point], step);

    /// <summary>
    /// Runs <see cref="Check(Func{Value[], Value}, ImmutableArray{double}, double)"/> at every point and
    /// reports, for each input, its worst relative error over all points.
    /// </summary>
    /// <param name="f">The function, from its inputs (fresh leaves) to its output.</param>
    /// <param name="points">The points; all of the same length.</param>
    /// <param name="step">The relative step; hᵢ = step · max(1, |xᵢ|).</param>
    /// <returns>For each input, the gradients and errors at the point where it agreed worst.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or f returns null.</exception>
    /// <exception cref="ArgumentException">There are no points, a point is empty, has another length than the first, or holds a non-finite number.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not a positive finite number.</exception>
    [Pure]
    public static GradCheckReport Check(Func<Value[], Value> f, IEnumerable<ImmutableArray<double>> points, double step = DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(points);
        if (!double.IsFinite(step) || step <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "The finite-difference step must be a positive finite number.");
        }

        var all = points.Select((p, k) => Validated(p, k)).ToArray();
        if (all.Length == 0)
        {
            throw new ArgumentException("GradCheck needs at least one point.", nameof(points));
        }

        var worst = new InputCheck?[all[0].Length];
        foreach (var point in all)
        {
            if (point.Length != worst.Length)
            {
                throw new ArgumentException($"Every point must have {worst.Length} inputs, like the first; one has {point.Length}.", nameof(points));
            }

            var checks = CheckAt(f, point, step);
            for (var i = 0; i < checks.Length; i++)
            {
                if (worst[i] is not { } current || GradCheckReport.IsWorse(checks[i].RelativeError, current.RelativeError))
                {
                    worst[i] = checks[i];
                }
            }
        }

        return new GradCheckReport([.. worst.Select(w => w!)]);
    }

    private static InputCheck[] CheckAt(Func<Value[], Value> f, ImmutableArray<double> point, double step)
    {
        var inputs = point.Select(x => new Value(x)).ToArray();
        var grads = Evaluate(f, inputs).Backward();
        return inputs.Select((input, i) =>
        {
            var h = step * Math.Max(1.0, Math.Abs(point[i]));
            var numeric = (At(f, point, i, +h) - At(f, point, i, -h)) / (2 * h);
            var analytic = grads[input];
            var absolute = Math.Abs(analytic - numeric);
            var scale = Math.Max(Math.Abs(analytic), Math.Abs(numeric));
            var relative = scale == 0 ? 0.0 : absolute / scale;
            return new InputCheck(i, point, analytic, numeric, absolute, relative);
        }).ToArray();
    }

    /// <summary>f at the point with input <paramref name="i"/> moved by <paramref name="delta"/>.</summary>
    private static double At(Func<Value[], Value> f, ImmutableArray<double> point, int i, double delta) =>
        Evaluate(f, point.Select((x, j) => new Value(j == i ? x + delta : x)).ToArray()).Data;

    private static Value Evaluate(Func<Value[], Value> f, Value[] inputs) =>
        f(inputs) ?? throw new ArgumentNullException(nameof(f), "The function under GradCheck returned null.");

    private static ImmutableArray<double> Validated(ImmutableArray<double> point, int k)
    {
        if (point.IsDefaultOrEmpty)
        {
            throw new ArgumentException($"Point {k} is empty: GradCheck needs at least one input.", "points");
        }

        for (var i = 0; i < point.Length; i++)
        {
            if (!double.IsFinite(point[i]))
            {
                throw new ArgumentException($"Point {k}, input {i} is {point[i].ToString(CultureInfo.InvariantCulture)}: GradCheck needs finite inputs.", "points");
            }
        }

        return point;
    }
}
