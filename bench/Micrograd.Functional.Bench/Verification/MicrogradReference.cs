using Micrograd.Functional.Bench.MutablePort;
using Micrograd.Functional.Bench.Workload;

namespace Micrograd.Functional.Bench.Verification;

/// <summary>
/// Checks the mutable port against micrograd's own published numbers before it serves as the
/// baseline, so the engine is compared with a correct port and not just a similar one.
/// </summary>
public static class MicrogradReference
{
    /// <summary>
    /// Rebuilds the expression of micrograd's README (every operator and composite: +, ·, −, /,
    /// unary −, pow, ReLU, constants on either side) and throws unless g = 24.70408163265306,
    /// ∂g/∂a = 138.83381924198252 and ∂g/∂b = 645.5772594752186.
    /// </summary>
    /// <exception cref="InvalidOperationException">The port disagrees with micrograd.</exception>
    public static void RequireMutablePortMatches()
    {
        var a = new MutableValue(-4.0);
        var b = new MutableValue(2.0);
        var c = a + b;
        var d = a * b + b.Pow(3);
        c += c + 1;
        c += 1 + c + (-a);
        d += d * 2 + (b + a).Relu();
        d += 3 * d + (b - a).Relu();
        var e = c - d;
        var f = e.Pow(2);
        var g = f / 2.0;
        g += 10.0 / f;
        g.Backward();

        Agreement.Require(
            "mutable port vs micrograd's README expression",
            expected: new StepResult(24.70408163265306, [138.83381924198252, 645.5772594752186]),
            actual: new StepResult(g.Data, [a.Grad, b.Grad]));
    }
}
