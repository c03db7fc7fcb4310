namespace Micrograd.Functional;

/// <summary>The value of one operation together with its local partial derivatives.</summary>
/// <param name="Out">out = f(a, b).</param>
/// <param name="DA">∂out/∂a.</param>
/// <param name="DB">∂out/∂b (0 for unary operations).</param>
internal readonly record struct Local(double Out, double DA, double DB);

/// <summary>
/// The whole calculus of the engine: one entry per primitive operation, giving its forward
/// formula and, on the same line, its local derivative rule. Every derivative the engine
/// computes comes from this table; the backward pass only multiplies and adds what it returns.
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
    /// <summary>Evaluates <paramref name="op"/> on operand values and returns out, ∂out/∂a and ∂out/∂b.</summary>
    /// <param name="op">The primitive operation; not <see cref="Op.Leaf"/>.</param>
    /// <param name="a">The first operand's value.</param>
    /// <param name="b">The second operand's value (ignored by unary operations).</param>
    /// <param name="p">The constant exponent of <see cref="Op.Pow"/> (ignored by the others).</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static Local Apply(Op op, double a, double b, double p) => op switch
    {
        // `is var` names the output where the derivative is written in terms of it.
        //                                       out                  ∂out/∂a                         ∂out/∂b
        Op.Add                                => new(a + b,           1.0,                            1.0),
        Op.Mul                                => new(a * b,           b,                              a),
        Op.Pow                                => new(Math.Pow(a, p),  p == 0 ? 0.0 : p * Math.Pow(a, p - 1), 0.0),
        Op.Relu                               => new(a < 0 ? 0.0 : a, a > 0 ? 1.0 : 0.0,              0.0),
        Op.Tanh    when Math.Tanh(a) is var t => new(t,               1.0 - t * t,                    0.0),
        Op.Exp     when Math.Exp(a) is var e  => new(e,               e,                              0.0),
        Op.Log                                => new(Math.Log(a),     1.0 / a,                        0.0),
        Op.Sigmoid when 1 / (1 + Math.Exp(-a)) is var s => new(s, s * (1.0 - s),                  0.0),
        Op.Softplus => new(Math.Max(a, 0) + LogOnePlus(Math.Exp(-Math.Abs(a))), 1 / (1 + Math.Exp(-a)), 0.0),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "A leaf has no forward formula."),
    };

    /// <summary>ln(1 + x), accurate for tiny x where 1 + x rounds to 1 (.NET has no log1p).</summary>
    private static double LogOnePlus(double x) => (1 + x) is var u && u == 1 ? x : Math.Log(u) * x / (u - 1);
}
