using System.Diagnostics.Contracts;

namespace Micrograd.Functional;

/// <summary>
/// The arithmetic of <see cref="Value"/>: operators and elementary functions, each building one
/// new node. Negation, subtraction and division are composites, built exactly as micrograd builds
/// them (−a is a·(−1), a − b is a + (−b), a / b is a·b⁻¹), and a double operand becomes a constant
/// leaf, so graphs have micrograd's shape and node count.
/// </summary>
public sealed partial record Value
{
    /// <summary>a + b.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    public static Value operator +(Value a, Value b) => Binary(Op.Add, NotNull(a), NotNull(b));

    /// <summary>a + b, with b a constant leaf.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The constant.</param>
    public static Value operator +(Value a, double b) => a + new Value(b);

    /// <summary>a + b, with a a constant leaf (built as b + a, as micrograd's <c>__radd__</c> does).</summary>
    /// <param name="a">The constant.</param>
    /// <param name="b">The right operand.</param>
    public static Value operator +(double a, Value b) => b + new Value(a);

    /// <summary>a · b.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    public static Value operator *(Value a, Value b) => Binary(Op.Mul, NotNull(a), NotNull(b));

    /// <summary>a · b, with b a constant leaf.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The constant.</param>
    public static Value operator *(Value a, double b) => a * new Value(b);

    /// <summary>a · b, with a a constant leaf (built as b · a, as micrograd's <c>__rmul__</c> does).</summary>
    /// <param name="a">The constant.</param>
    /// <param name="b">The right operand.</param>
    public static Value operator *(double a, Value b) => b * new Value(a);

    /// <summary>−a, built as a · (−1).</summary>
    /// <param name="a">The operand.</param>
    public static Value operator -(Value a) => a * -1.0;

    /// <summary>a − b, built as a + (−b).</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    public static Value operator -(Value a, Value b) => a + -b;

    /// <summary>a − b, built as a + (−b) with −b a constant leaf.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The constant.</param>
    public static Value operator -(Value a, double b) => a + -b;

    /// <summary>a − b, built as (−b) + a with a a constant leaf.</summary>
    /// <param name="a">The constant.</param>
    /// <param name="b">The right operand.</param>
    public static Value operator -(double a, Value b) => -b + a;

    /// <summary>a / b, built as a · b⁻¹. Division by zero gives ±∞ or NaN (IEEE-754), never an exception.</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    public static Value operator /(Value a, Value b) => a * b.Pow(-1.0);

    /// <summary>a / b, built as a · (b⁻¹) with b⁻¹ a constant leaf.</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The constant divisor.</param>
    public static Value operator /(Value a, double b) => a * Math.Pow(b, -1.0);

    /// <summary>a / b, built as b⁻¹ · a with a a constant leaf.</summary>
    /// <param name="a">The constant dividend.</param>
    /// <param name="b">The divisor.</param>
    public static Value operator /(double a, Value b) => b.Pow(-1.0) * a;

    /// <summary>thisᵖ for a constant exponent p; d/dx xᵖ = p·xᵖ⁻¹ (0 when p = 0).</summary>
    /// <param name="exponent">The constant exponent p. A negative base with a fractional p gives NaN.</param>
    [Pure]
    public Value Pow(double exponent) => Unary(Op.Pow, this, exponent);

    /// <summary>ReLU: max(0, x); its derivative is 1 for x &gt; 0 and 0 otherwise (0 at x = 0).</summary>
    [Pure]
    public Value Relu() => Unary(Op.Relu, this);

    /// <summary>tanh x; d/dx tanh x = 1 − tanh² x.</summary>
    [Pure]
    public Value Tanh() => Unary(Op.Tanh, this);

    /// <summary>eˣ; d/dx eˣ = eˣ. Overflows to +∞ for x above about 709.78.</summary>
    [Pure]
    public Value Exp() => Unary(Op.Exp, this);

    /// <summary>ln x; d/dx ln x = 1/x. ln 0 is −∞; the log of a negative number is NaN.</summary>
    [Pure]
    public Value Log() => Unary(Op.Log, this);

    /// <summary>σ(x) = 1 / (1 + e⁻ˣ); σ′(x) = σ(x)·(1 − σ(x)). Never NaN for a finite x: it saturates to 0 or 1.</summary>
    [Pure]
    public Value Sigmoid() => Unary(Op.Sigmoid, this);

    /// <summary>softplus(x) = ln(1 + eˣ), computed without overflow; its derivative is σ(x). The stable core of binary cross-entropy on logits.</summary>
    [Pure]
    public Value Softplus() => Unary(Op.Softplus, this);

    private static Value NotNull(Value? v, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(v))] string? name = null) =>
        v ?? throw new ArgumentNullException(name, "An operand of a Value operator is null.");
}
