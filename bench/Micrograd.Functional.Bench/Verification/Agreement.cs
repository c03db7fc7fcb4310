using Micrograd.Functional.Bench.Workload;

namespace Micrograd.Functional.Bench.Verification;

/// <summary>
/// Checks that two implementations computed the same thing before their speeds are compared:
/// a benchmark of a wrong answer means nothing. Used by every benchmark's global setup, so even
/// a dry run proves the implementations agree.
/// </summary>
public static class Agreement
{
    /// <summary>The largest relative difference allowed: 1e-9 leaves room only for summation order.</summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>
    /// A gradient that cancels to nearly 0 (say 1e-18, from terms of 1e-2) holds only rounding
    /// noise whose sign and size depend on summation order, so every gradient is compared
    /// relative to at least this fraction of the largest gradient.
    /// </summary>
    public const double CancellationFloor = 1e-6;

    /// <summary>
    /// Throws unless <paramref name="actual"/> has the output and every gradient of
    /// <paramref name="expected"/> within <see cref="RelativeTolerance"/>; otherwise returns the
    /// largest relative difference found, for the log.
    /// </summary>
    /// <param name="what">Names the comparison in the exception, e.g. "engine vs mutable port".</param>
    /// <param name="expected">The reference result.</param>
    /// <param name="actual">The result to check.</param>
    /// <exception cref="InvalidOperationException">The results disagree.</exception>
    public static double Require(string what, StepResult expected, StepResult actual)
    {
        if (expected.Gradients.Count != actual.Gradients.Count)
        {
            throw new InvalidOperationException(
                $"{what}: {actual.Gradients.Count} gradients, expected {expected.Gradients.Count}.");
        }

        var worst = Difference(expected.Output, actual.Output, floor: 0.0);
        if (!(worst <= RelativeTolerance)) // NaN fails too
        {
            throw new InvalidOperationException(
                $"{what}: output {actual.Output:R}, expected {expected.Output:R} (relative difference {worst:E2}).");
        }

        var floor = CancellationFloor * expected.Gradients.Select(Math.Abs).DefaultIfEmpty(0.0).Max();
        for (var k = 0; k < expected.Gradients.Count; k++)
        {
            var difference = Difference(expected.Gradients[k], actual.Gradients[k], floor);
            if (!(difference <= RelativeTolerance))
            {
                throw new InvalidOperationException(
                    $"{what}: gradient {k} is {actual.Gradients[k]:R}, expected {expected.Gradients[k]:R} " +
                    $"(relative difference {difference:E2}, tolerance {RelativeTolerance:E0}).");
            }

            worst = Math.Max(worst, difference);
        }

        return worst;
    }

    /// <summary>
    /// Throws unless <paramref name="actual"/> has exactly the bits of <paramref name="expected"/>
    /// in its output and every gradient: for two implementations that promise the same operations
    /// in the same order (the compiled tape and the engine), any difference at all is a bug.
    /// </summary>
    /// <param name="what">Names the comparison in the exception, e.g. "compiled tape vs engine".</param>
    /// <param name="expected">The reference result.</param>
    /// <param name="actual">The result to check.</param>
    /// <exception cref="InvalidOperationException">Some value differs in any bit.</exception>
    public static void RequireIdentical(string what, StepResult expected, StepResult actual)
    {
        if (expected.Gradients.Count != actual.Gradients.Count)
        {
            throw new InvalidOperationException(
                $"{what}: {actual.Gradients.Count} gradients, expected {expected.Gradients.Count}.");
        }

        if (!SameBits(expected.Output, actual.Output))
        {
            throw new InvalidOperationException($"{what}: output {actual.Output:R}, expected exactly {expected.Output:R}.");
        }

        for (var k = 0; k < expected.Gradients.Count; k++)
        {
            if (!SameBits(expected.Gradients[k], actual.Gradients[k]))
            {
                throw new InvalidOperationException(
                    $"{what}: gradient {k} is {actual.Gradients[k]:R}, expected exactly {expected.Gradients[k]:R}.");
            }
        }
    }

    private static bool SameBits(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    /// <summary>|a − b| relative to the larger of |a|, |b| and <paramref name="floor"/>; 0 when a and b are equal (both NaN included), NaN when only one is.</summary>
    private static double Difference(double a, double b, double floor) =>
        a.Equals(b) ? 0.0 : Math.Abs(a - b) / Math.Max(floor, Math.Max(Math.Abs(a), Math.Abs(b)));
}
