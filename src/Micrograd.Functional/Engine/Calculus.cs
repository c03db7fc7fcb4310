using System.Runtime.CompilerServices;

namespace Micrograd.Functional;

/// <summary>The value of one operation together with its local partial derivatives.</summary>
/// <param name="Out">out = f(a, b).</param>
/// <param name="DA">∂out/∂a.</param>
/// <param name="DB">∂out/∂b (0 for unary operations).</param>
internal readonly record struct Local(double Out, double DA, double DB);

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
/// (PyTorch's choice, which avoids 0·∞ at a = 0). σ(a) = 1/(1 + e⁻ᵃ) needs no guard: for very
/// negative a, e⁻ᵃ overflows to ∞ and 1/(1 + ∞) is 0, never NaN. Softplus is written as
/// max(a, 0) + ln(1 + e^−|a|) so that it neither overflows nor loses the tiny values of very negative a.
/// </remarks>
internal static class Calculus
{
    /// <summary>The forward formula: out = f(a, b).</summary>
    /// <param name="op">The primitive operation; not <see cref="Op.Leaf"/>.</param>
    /// <param name="a">The first operand's value.</param>
    /// <param name="b">The second operand's value (ignored by unary operations).</param>
    /// <param name="p">The constant exponent of <see cref="Op.Pow"/> (ignored by the others).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Forward(Op op, double a, double b, double p) => op switch
    {
        Op.Add      => a + b,
        Op.Mul      => a * b,
        Op.Pow      => Math.Pow(a, p),
        Op.Relu     => a < 0 ? 0.0 : a,
        Op.Tanh     => Math.Tanh(a),
        Op.Exp      => Math.Exp(a),
        Op.Log      => Math.Log(a),
        Op.Sigmoid  => 1 / (1 + Math.Exp(-a)),
        Op.Softplus => Math.Max(a, 0) + LogOnePlus(Math.Exp(-Math.Abs(a))),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "A leaf has no forward formula."),
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
        Op.Add      => (T.Constant(1), T.Constant(1)),
        Op.Mul      => (b, a),
        Op.Pow      => (p == 0 ? T.Constant(0) : T.Constant(p) * T.Pow(a, p - 1), T.Constant(0)),
        Op.Relu     => (T.Step(a), T.Constant(0)),
        Op.Tanh     => (T.Constant(1) - @out * @out, T.Constant(0)),
        Op.Exp      => (@out, T.Constant(0)),
        Op.Log      => (T.Constant(1) / a, T.Constant(0)),
        Op.Sigmoid  => (@out * (T.Constant(1) - @out), T.Constant(0)),
        Op.Softplus => (T.Sigmoid(a), T.Constant(0)),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "A leaf has no derivative rule."),
    };

    /// <summary>The forward formula and the derivative rule on numbers: out, ∂out/∂a, ∂out/∂b.</summary>
    /// <param name="op">The primitive operation; not <see cref="Op.Leaf"/>.</param>
    /// <param name="a">The first operand's value.</param>
    /// <param name="b">The second operand's value (ignored by unary operations).</param>
    /// <param name="p">The constant exponent of <see cref="Op.Pow"/> (ignored by the others).</param>
    /// <remarks>One dispatch on the op: each arm passes a constant op to the two tables, so the compiler folds their own switches away.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Local Apply(Op op, double a, double b, double p) => op switch
    {
        Op.Add      => Rule(Op.Add, a, b, p),
        Op.Mul      => Rule(Op.Mul, a, b, p),
        Op.Pow      => Rule(Op.Pow, a, b, p),
        Op.Relu     => Rule(Op.Relu, a, b, p),
        Op.Tanh     => Rule(Op.Tanh, a, b, p),
        Op.Exp      => Rule(Op.Exp, a, b, p),
        Op.Log      => Rule(Op.Log, a, b, p),
        Op.Sigmoid  => Rule(Op.Sigmoid, a, b, p),
        Op.Softplus => Rule(Op.Softplus, a, b, p),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "A leaf has no forward formula."),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Local Rule(Op op, double a, double b, double p)
    {
        var @out = Forward(op, a, b, p);
        var (da, db) = Partials(op, new Real(a), new Real(b), new Real(@out), p);
        return new Local(@out, da.X, db.X);
    }

    /// <summary>ln(1 + x), accurate for tiny x where 1 + x rounds to 1 (.NET has no log1p).</summary>
    private static double LogOnePlus(double x) => (1 + x) is var u && u == 1 ? x : Math.Log(u) * x / (u - 1);
}
