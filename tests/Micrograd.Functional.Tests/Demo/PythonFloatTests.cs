using Micrograd.Demo.Progress;

namespace Micrograd.Functional.Tests.Demo;

/// <summary>The step lines spell numbers as Python's repr does, so they read exactly like micrograd's notebook.</summary>
public class PythonFloatTests
{
    [Theory]
    [InlineData(50.0, "50.0")]
    [InlineData(100.0, "100.0")]
    [InlineData(0.8958441028683222, "0.8958441028683222")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(1.5e+300, "1.5e+300")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Repr_matches_python(double x, string python) => Assert.Equal(python, PythonFloat.Repr(x));
}
