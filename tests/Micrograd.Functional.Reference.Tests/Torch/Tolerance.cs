namespace Micrograd.Functional.Reference.Tests.Torch;

/// <summary>How close the engine must come to PyTorch: 1e-10 relative, in float64.</summary>
public static class Tolerance
{
    /// <summary>The largest relative difference allowed.</summary>
    public const double Relative = 1e-10;

    /// <summary>|a − b| / max(|a|, |b|); 0 when a == b (both 0, or the same infinity), NaN if either is NaN.</summary>
    public static double RelativeError(double a, double b) =>
        a == b ? 0.0 : Math.Abs(a - b) / Math.Max(Math.Abs(a), Math.Abs(b));

    /// <summary>Whether a and b agree within <see cref="Relative"/>.</summary>
    public static bool Close(double a, double b) => RelativeError(a, b) <= Relative;

    /// <summary>
    /// Whether a and b agree within <see cref="Relative"/> of max(|a|, |b|, <paramref name="magnitude"/>),
    /// where magnitude is what the number was before terms cancelled (<see cref="Magnitudes"/>).
    /// </summary>
    public static bool Close(double a, double b, double magnitude) =>
        a == b || Math.Abs(a - b) <= Relative * Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), magnitude);

    /// <summary>Asserts agreement, naming what was compared and both numbers in round-trip form.</summary>
    public static void AssertClose(double torch, double engine, string what) =>
        Assert.True(Close(torch, engine),
            $"{what}: torch {torch:R}, engine {engine:R}, relative error {RelativeError(torch, engine):E3} > {Relative:E0}");

    /// <summary>Asserts agreement relative to the magnitude before cancellation.</summary>
    public static void AssertClose(double torch, double engine, double magnitude, string what) =>
        Assert.True(Close(torch, engine, magnitude),
            $"{what}: torch {torch:R}, engine {engine:R}, difference {Math.Abs(torch - engine):E3} > {Relative:E0} × max(|torch|, |engine|, magnitude before cancellation {magnitude:E3})");
}
