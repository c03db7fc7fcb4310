using Micrograd.Functional.Tests.Engine;

namespace Micrograd.Functional.Reference.Tests.Torch;

/// <summary>
/// What "1e-10 relative" is relative to, node by node, in a random graph: the magnitude a value
/// or an adjoint had before terms cancelled.
/// </summary>
/// <remarks>
/// Plain relative error means nothing where terms cancel. d(x/x)/dx is 0: torch's div backward
/// gives exactly 0, while the engine's x·x⁻¹ leaves −6e-16, and log(x·x⁻¹) is −1.1e-16 against
/// torch's 0. Both are rounding residues of terms of size ~1, and both engines are right. So each
/// comparison is relative to the magnitude before cancellation:
/// <list type="bullet">
/// <item>an adjoint's is the reverse sweep with every local derivative replaced by its absolute
/// value: the sum of |contributions| over all paths. Where no contributions cancel it equals
/// |adjoint|, and the test is plain 1e-10 relative. A local derivative that is itself a
/// difference counts at its pre-cancellation size: tanh′ = 1 − t² as 1 + t², since at t = 1 − 1e-8
/// one ulp of difference between glibc's tanh and torch's becomes 1e-8 relative in 1 − t²
/// (observed: 1.3e-10 relative between the engines for tanh near −9.5). σ′ = σ(1 − σ) likewise;</item>
/// <item>a value's is the forward sweep in absolute terms: |a| + |b| for a ± b, |a|·|b|,
/// |a| / |b|, and for a function f, max(|f(a)|, |f′(a)|·M(a)), which is how far an error in a
/// propagates. Where nothing cancels and every function is well conditioned, it equals |value|.</item>
/// </list>
/// The local derivatives here are textbook formulas on doubles; they only size the tolerance.
/// </remarks>
public static class Magnitudes
{
    /// <summary>The pre-cancellation magnitudes of every node's value and adjoint (∂output/∂node), in <see cref="RandomGraph.BuildAll"/> order.</summary>
    public static (double[] Values, double[] Adjoints) Of(RandomGraph graph, IReadOnlyList<double> values)
    {
        var steps = graph.Steps;
        var inputs = graph.Inputs.Length;
        var magnitude = new double[values.Count];
        for (var i = 0; i < inputs; i++)
        {
            magnitude[i] = Math.Abs(values[i]);
        }

        for (var k = 0; k < steps.Count; k++)
        {
            var (op, a, b, p) = steps[k];
            var n = inputs + k;
            var (da, _) = Local(op, values[a], values[b], values[n], p, Math.Abs(values[a]), Math.Abs(values[b]), preCancellation: false);
            magnitude[n] = op switch
            {
                GraphOp.Add or GraphOp.Sub => magnitude[a] + magnitude[b],
                GraphOp.Mul => magnitude[a] * magnitude[b],
                GraphOp.Div => magnitude[a] / Math.Abs(values[b]),
                GraphOp.Neg => magnitude[a],
                GraphOp.Max or GraphOp.Min => Math.Max(magnitude[a], magnitude[b]),
                GraphOp.PowValue => Math.Max(Math.Abs(values[n]), da * magnitude[a] + Math.Abs(values[n] * Math.Log(values[a])) * magnitude[b]),
                _ => Math.Max(Math.Abs(values[n]), da * magnitude[a]),
            };
        }

        var adjoint = new double[values.Count];
        adjoint[^1] = 1;
        for (var k = steps.Count - 1; k >= 0; k--)
        {
            var (op, a, b, p) = steps[k];
            var n = inputs + k;
            var (da, db) = Local(op, values[a], values[b], values[n], p, magnitude[a], magnitude[b], preCancellation: true);
            adjoint[a] += da * adjoint[n];
            if (RandomGraph.IsBinary(op))
            {
                adjoint[b] += db * adjoint[n];
            }
        }

        return (magnitude, adjoint);
    }

    /// <summary>
    /// |∂out/∂a| and |∂out/∂b| of one op. For the forward sweep (how far an error in a spreads)
    /// the true ones; for the reverse sweep the ones before cancellation: a subtraction inside a
    /// formula counts as an addition, and an operand that a formula uses linearly or as a positive power
    /// counts at its own magnitude (ma, mb), so a residue such as log(x·x⁻¹) = −1.1e-16 in
    /// ∂(u·v)/∂u = v is sized as the 1 it came from.
    /// </summary>
    private static (double A, double B) Local(GraphOp op, double a, double b, double y, double p, double ma, double mb, bool preCancellation) => op switch
    {
        GraphOp.Add or GraphOp.Sub => (1, 1),
        GraphOp.Mul => (mb, ma),
        GraphOp.Div => (1 / Math.Abs(b), ma / (b * b)),
        GraphOp.Neg => (1, 0),
        GraphOp.Pow => (p == 0 ? 0 : Math.Abs(p) * Math.Pow(p > 1 ? ma : Math.Abs(a), p - 1), 0),
        GraphOp.Relu => (a > 0 ? 1 : 0, 0),
        GraphOp.Tanh => (preCancellation ? 1 + y * y : 1 - y * y, 0),          // 1 − t² cancels where tanh saturates
        GraphOp.Sigmoid => (y * (preCancellation ? 1 + y : 1 - y), 0),         // σ(1 − σ) cancels where σ → 1
        GraphOp.Exp => (y, 0),
        GraphOp.Log => (1 / Math.Abs(a), 0),
        GraphOp.Softplus => (1 / (1 + Math.Exp(-a)), 0),
        // sin′ = cos and cos′ = −sin vanish at points a rounding residue can sit on (cos(ln(x·x⁻¹)):
        // −sin(−1.1e-16) here, −sin 0 = 0 in torch): before cancellation, add the next derivative times a's magnitude.
        GraphOp.Sin => (Math.Abs(Math.Cos(a)) + (preCancellation ? Math.Abs(Math.Sin(a)) * ma : 0), 0),
        GraphOp.Cos => (Math.Abs(Math.Sin(a)) + (preCancellation ? Math.Abs(Math.Cos(a)) * ma : 0), 0),
        GraphOp.Sqrt => (0.5 / Math.Abs(y), 0),
        GraphOp.Abs => (1, 0),
        GraphOp.Max or GraphOp.Min => (1, 1),
        // b·aᵇ⁻¹ counts b at its own magnitude (b = ln(x·x⁻¹) is 0 in torch, −1.1e-16 here, and torch's
        // b = 0 case then gives ∂a = 0); ln a near a = 1 carries a's rounding as an absolute error: 1 + |ln a|.
        GraphOp.PowValue => ((preCancellation ? mb : Math.Abs(b)) * Math.Pow(Math.Abs(a), b - 1), Math.Abs(y) * (preCancellation ? 1 + Math.Abs(Math.Log(a)) : Math.Abs(Math.Log(a)))),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Add its local derivative here."),
    };
}
