using System.Runtime.CompilerServices;

namespace Micrograd.Functional;

/// <summary>
/// The whole calculus of the engine in two tables read side by side, one line per primitive
/// operation: its forward formula, and its local derivative rule ∂out/∂a, ∂out/∂b. The rules are
/// written once over any <see cref="IScalar{T}"/>: over numbers they drive <see cref="Value.Backward"/>,
/// the compiled tape and forward mode; over <see cref="Value"/> nodes they build symbolic gradients,
/// which are differentiable again. The backward passes only multiply and add what the rules return.
/// </summary>
/// <remarks>
/// Edge cases follow IEEE-754, as PyTorch does: nothing here throws. 1/0 is ∞, ln 0 is −∞,
/// the log of a negative number is NaN, a negative base to a fractional power is NaN.
/// ReLU's derivative at 0 is 0 (micrograd's choice), and the derivative of a⁰ is 0 everywhere
/// (PyTorch's choice, which avoids 0·∞ at a = 0). With a differentiable exponent, aᵇ follows
/// PyTorch's pow(Tensor, Tensor): ∂/∂a is 0 where b = 0, ∂/∂b is 0 where a = 0 and b ≥ 0. Those
/// cases, |a|'s sign and max/min's ½/½ tie are written with steps and <see cref="Op.Where"/>, ops
/// rather than C# branches, so over <see cref="Value"/> they stay right at every input of a compiled
/// symbolic gradient. √a's derivative is +∞ at 0 and |a|'s is 0 there, as in PyTorch. σ(a) = 1/(1 + e⁻ᵃ) needs no guard: for very
/// negative a, e⁻ᵃ overflows to ∞ and 1/(1 + ∞) is 0, never NaN. Softplus is written as
/// max(a, 0) + ln(1 + e^−|a|) so that it neither overflows nor loses the tiny values of very negative a.
/// The JIT's one-dispatch form of the two tables, <c>Apply</c>, lives in <c>Internals/Calculus.Dispatch.cs</c>:
/// a first reading can skip it.
/// </remarks>
internal static partial class Calculus
{
    /// <summary>The forward formula: out = f(a, b).</summary>
    /// <param name="op">The primitive operation; not <see cref="Op.Leaf"/>.</param>
    /// <param name="a">The first operand's value.</param>
    /// <param name="b">The second operand's value (ignored by unary operations).</param>
    /// <param name="p">The constant exponent of <see cref="Op.Pow"/> (ignored by the others).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Forward(Op op, double a, double b, double p) => op switch
    {
        Op.Add          => a + b,
        Op.Mul          => a * b,
        Op.Pow          => Math.Pow(a, p),
        Op.Relu         => a < 0 ? 0.0 : a,
        Op.Tanh         => Math.Tanh(a),
        Op.Exp          => Math.Exp(a),
        Op.Log          => Math.Log(a),
        Op.Sigmoid      => 1 / (1 + Math.Exp(-a)),
        Op.Softplus     => Math.Max(a, 0) + LogOnePlus(Math.Exp(-Math.Abs(a))),
        Op.Sin          => Math.Sin(a),
        Op.Cos          => Math.Cos(a),
        Op.Sqrt         => Math.Sqrt(a),
        Op.Abs          => Math.Abs(a),
        Op.PowValue     => Math.Pow(a, b),
        Op.Max          => Math.Max(a, b),
        Op.Min          => Math.Min(a, b),
        Op.Step         => a > 0 ? 1.0 : 0.0,
        Op.Where        => a > 0 ? b : 0.0,
        Op.StopGradient => a,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "A leaf or a custom op has no forward formula in the table."),
    };

    /// <summary>The derivative rule: (∂out/∂a, ∂out/∂b), given the operands and the output, over any scalar.</summary>
    /// <typeparam name="T">Numbers (<see cref="Real"/>) or nodes (<see cref="Value"/>).</typeparam>
    /// <param name="op">The primitive operation; not <see cref="Op.Leaf"/>.</param>
    /// <param name="a">The first operand.</param>
    /// <param name="b">The second operand (ignored by unary operations).</param>
    /// <param name="out">The output f(a, b).</param>
    /// <param name="p">The constant exponent of <see cref="Op.Pow"/> (ignored by the others).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (T DA, T DB) Partials<T>(Op op, T a, T b, T @out, double p)
        where T : IScalar<T> => op switch
    {
        Op.Add          => (T.Constant(1), T.Constant(1)),
        Op.Mul          => (b, a),
        Op.Pow          => (p == 0 ? T.Constant(0) : T.Constant(p) * T.Pow(a, p - 1), T.Constant(0)),
        Op.Relu         => (T.Step(a), T.Constant(0)),
        Op.Tanh         => (T.Constant(1) - @out * @out, T.Constant(0)),
        Op.Exp          => (@out, T.Constant(0)),
        Op.Log          => (T.Constant(1) / a, T.Constant(0)),
        Op.Sigmoid      => (@out * (T.Constant(1) - @out), T.Constant(0)),
        Op.Softplus     => (T.Sigmoid(a), T.Constant(0)),
        Op.Sin          => (T.Cos(a), T.Constant(0)),
        Op.Cos          => (T.Constant(-1) * T.Sin(a), T.Constant(0)),
        Op.Sqrt         => (T.Constant(0.5) / @out, T.Constant(0)),
        Op.Abs          => (T.Step(a) - T.Step(Neg(a)), T.Constant(0)),
        Op.PowValue     => (T.Where(NonZero(b), b * T.Pow(a, b - T.Constant(1))),
                            T.Where(T.Constant(1) - IsZero(a) * NonNegative(b), @out * T.Log(a))),
        Op.Max          => (HalfStep(a - b), HalfStep(b - a)),
        Op.Min          => (HalfStep(b - a), HalfStep(a - b)),
        Op.Step         => (T.Constant(0), T.Constant(0)),
        Op.Where        => (T.Constant(0), T.Step(a)),
        Op.StopGradient => (T.Constant(0), T.Constant(0)),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "A leaf or a custom op has no derivative rule in the table."),
    };

    /// <summary>−x, as x·(−1) (micrograd's negation).</summary>
    private static T Neg<T>(T x) where T : IScalar<T> => T.Constant(-1) * x;

    /// <summary>1 where x ≠ 0, else 0 (0 for NaN): the mask of pow's derivative cases, written with steps so it is an op, not a branch.</summary>
    private static T NonZero<T>(T x) where T : IScalar<T> => T.Step(x) + T.Step(Neg(x));

    /// <summary>1 where x = 0, else 0 (1 for NaN).</summary>
    private static T IsZero<T>(T x) where T : IScalar<T> => T.Constant(1) - NonZero(x);

    /// <summary>1 where x ≥ 0, else 0 (1 for NaN).</summary>
    private static T NonNegative<T>(T x) where T : IScalar<T> => T.Constant(1) - T.Step(Neg(x));

    /// <summary>The step with ½ at 0: 1 where x &gt; 0, ½ where x = 0, 0 where x &lt; 0; how torch.maximum/minimum split a tie.</summary>
    private static T HalfStep<T>(T x) where T : IScalar<T> => (T.Step(x) + T.Constant(1) - T.Step(Neg(x))) * T.Constant(0.5);

    /// <summary>ln(1 + x), accurate for tiny x where 1 + x rounds to 1 (.NET has no log1p).</summary>
    private static double LogOnePlus(double x) => (1 + x) is var u && u == 1 ? x : Math.Log(u) * x / (u - 1);
}
