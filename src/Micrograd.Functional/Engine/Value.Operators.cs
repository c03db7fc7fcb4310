using System.Diagnostics.Contracts;

namespace Micrograd.Functional;

/// <summary>
/// The operators of <see cref="Value"/>, each building one new node (its functions are in
/// Value.Functions.cs, the static forms F# needs in Value.Statics.cs). Negation, subtraction and division are composites, built exactly as micrograd builds
/// them (−a is a·(−1), a − b is a + (−b), a / b is a·b⁻¹), and a double operand becomes a constant
/// leaf, so graphs have micrograd's shape and node count.
/// </summary>
public sealed partial record Value
{
    /// <summary>A constant leaf holding <paramref name="data"/>: <c>Value k = 3.0;</c> (micrograd wraps numbers the same way).</summary>
    /// <param name="data">The constant.</param>
    /// <remarks>
    /// The operators with a <c>double</c> operand are still chosen over this conversion (an exact
    /// match wins), so <c>x * 2</c> and <c>x.Pow(2)</c> build the same graphs as before.
    /// </remarks>
    public static implicit operator Value(double data) => new(data);

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

    /// <summary>Refused at compile time: a node is compared by identity, so <c>v == 3.0</c> would compare with a fresh constant leaf and always be false. Compare <see cref="Data"/> instead.</summary>
    /// <param name="a">The node.</param>
    /// <param name="b">The number.</param>
    [Obsolete(CompareData, error: true)]
    public static bool operator ==(Value a, double b) => throw new NotSupportedException(CompareData);

    /// <summary>Refused at compile time: a node is compared by identity. Compare <see cref="Data"/> instead.</summary>
    /// <param name="a">The node.</param>
    /// <param name="b">The number.</param>
    [Obsolete(CompareData, error: true)]
    public static bool operator !=(Value a, double b) => throw new NotSupportedException(CompareData);

    /// <summary>Refused at compile time: a node is compared by identity. Compare <see cref="Data"/> instead.</summary>
    /// <param name="a">The number.</param>
    /// <param name="b">The node.</param>
    [Obsolete(CompareData, error: true)]
    public static bool operator ==(double a, Value b) => throw new NotSupportedException(CompareData);

    /// <summary>Refused at compile time: a node is compared by identity. Compare <see cref="Data"/> instead.</summary>
    /// <param name="a">The number.</param>
    /// <param name="b">The node.</param>
    [Obsolete(CompareData, error: true)]
    public static bool operator !=(double a, Value b) => throw new NotSupportedException(CompareData);

    private const string CompareData = "A Value is compared by identity, so comparing it with a number (converted to a fresh constant leaf) is always unequal: compare its Data.";

    private static Value NotNull(Value? v, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(v))] string? name = null) =>
        v ?? throw new ArgumentNullException(name, "An operand of a Value operator is null.");
}
