using System.Numerics;

namespace Micrograd.Functional;

/// <summary>
/// The algebra the derivative rules in the op table are written in, so that one rule serves every
/// mode: plain numbers for <see cref="Value.Backward"/> and forward mode, <see cref="Value"/> nodes
/// for symbolic gradients (which are differentiable again).
/// </summary>
/// <typeparam name="T">The scalar type itself.</typeparam>
public interface IScalar<T> :
    IAdditionOperators<T, T, T>,
    ISubtractionOperators<T, T, T>,
    IMultiplyOperators<T, T, T>,
    IDivisionOperators<T, T, T>
    where T : IScalar<T>
{
    /// <summary>A constant c.</summary>
    /// <param name="c">The number.</param>
    static abstract T Constant(double c);

    /// <summary>aᵖ for a constant p.</summary>
    /// <param name="a">The base.</param>
    /// <param name="p">The exponent.</param>
    static abstract T Pow(T a, double p);

    /// <summary>σ(a) = 1 / (1 + e⁻ᵃ).</summary>
    /// <param name="a">The argument.</param>
    static abstract T Sigmoid(T a);

    /// <summary>1 where a &gt; 0, else 0 (ReLU's derivative), as a constant: its own derivative is 0.</summary>
    /// <param name="a">The argument.</param>
    static abstract T Step(T a);

    /// <summary>aᵇ, both operands variable.</summary>
    /// <param name="a">The base.</param>
    /// <param name="b">The exponent.</param>
    static abstract T Pow(T a, T b);

    /// <summary>ln a.</summary>
    /// <param name="a">The argument.</param>
    static abstract T Log(T a);

    /// <summary>sin a.</summary>
    /// <param name="a">The argument.</param>
    static abstract T Sin(T a);

    /// <summary>cos a.</summary>
    /// <param name="a">The argument.</param>
    static abstract T Cos(T a);

    /// <summary>where(mask &gt; 0, x, 0): x where the mask is positive, else exactly 0 (even when x is ±∞ or NaN).</summary>
    /// <param name="mask">The mask, typically built from <see cref="Step"/>.</param>
    /// <param name="x">The value kept where the mask holds.</param>
    static abstract T Where(T mask, T x);
}

/// <summary>A double in the rule table's algebra; the JIT compiles rules over it to plain double arithmetic.</summary>
/// <param name="X">The number.</param>
internal readonly partial record struct Real(double X) : IScalar<Real>
{
    public static Real operator +(Real a, Real b) => new(a.X + b.X);

    public static Real operator -(Real a, Real b) => new(a.X - b.X);

    public static Real operator *(Real a, Real b) => new(a.X * b.X);

    // a / b as a · b⁻¹, the way Value builds it (micrograd's composite), so a rule with a division
    // gives bit for bit the same number over Real as over Value (1/x and Math.Pow(x, −1) can differ by an ulp).
    public static Real operator /(Real a, Real b) => new(a.X * Math.Pow(b.X, -1));

    public static Real Constant(double c) => new(c);

    public static Real Pow(Real a, double p) => new(Math.Pow(a.X, p));

    public static Real Sigmoid(Real a) => new(1 / (1 + Math.Exp(-a.X)));

    public static Real Step(Real a) => new(a.X > 0 ? 1.0 : 0.0);

    public static Real Pow(Real a, Real b) => new(Math.Pow(a.X, b.X));

    public static Real Log(Real a) => new(Math.Log(a.X));

    public static Real Sin(Real a) => new(Math.Sin(a.X));

    public static Real Cos(Real a) => new(Math.Cos(a.X));

    public static Real Where(Real mask, Real x) => mask.X > 0 ? x : new(0.0);
}
