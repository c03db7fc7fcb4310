namespace Micrograd.Functional.Tests.Engine;

/// <summary>Assertions for floating-point agreement.</summary>
public static class Tolerance
{
    /// <summary>Asserts |expected − actual| ≤ relative · max(1, |expected|, |actual|): relative for large numbers, absolute near zero.</summary>
    public static void Close(double expected, double actual, double relative, string? what = null)
    {
        var scale = Math.Max(1.0, Math.Max(Math.Abs(expected), Math.Abs(actual)));
        Assert.True(
            Math.Abs(expected - actual) <= relative * scale,
            $"{what ?? "value"}: expected {expected:R}, got {actual:R} (difference {Math.Abs(expected - actual):E2}, tolerance {relative:E0} relative)");
    }

    /// <summary>Asserts |expected − actual| ≤ relative · |expected| (strictly relative).</summary>
    public static void Relative(double expected, double actual, double relative, string? what = null) =>
        Assert.True(
            Math.Abs(expected - actual) <= relative * Math.Abs(expected),
            $"{what ?? "value"}: expected {expected:R}, got {actual:R} (tolerance {relative:E0} relative)");
}
