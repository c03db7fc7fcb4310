using System.Diagnostics.Contracts;

namespace Micrograd.Functional;

/// <summary>
/// Static forms of <see cref="Value"/>'s functions, the members F#'s generic operators and functions
/// look for: <c>x ** 2.0</c> (<see cref="Pow(Value, double)"/>), <c>tanh x</c>, <c>exp x</c>,
/// <c>log x</c>, <c>sqrt x</c>, <c>abs x</c>, <c>sin x</c>, <c>cos x</c>, and <see cref="Zero"/> for
/// <c>List.sum</c>. Each builds exactly the node its instance method builds.
/// </summary>
public sealed partial record Value
{
    /// <summary>A fresh constant leaf holding 0 (a new node on every read); F#'s <c>List.sum</c> starts from it.</summary>
    public static Value Zero => new(0.0);

    /// <summary>A fresh constant leaf holding 1 (a new node on every read).</summary>
    public static Value One => new(1.0);

    /// <summary>xᵖ for a constant exponent p, as <see cref="Pow(double)"/>; F#'s <c>x ** p</c>.</summary>
    /// <param name="x">The base.</param>
    /// <param name="exponent">The constant exponent p.</param>
    [Pure]
    public static Value Pow(Value x, double exponent) => NotNull(x).Pow(exponent);

    /// <summary>xᵇ with a differentiable exponent, as <see cref="Pow(Value)"/>; F#'s <c>x ** b</c>.</summary>
    /// <param name="x">The base.</param>
    /// <param name="exponent">The exponent b.</param>
    [Pure]
    public static Value Pow(Value x, Value exponent) => NotNull(x).Pow(exponent);

    /// <summary>max(0, x), as <see cref="Relu()"/>.</summary>
    /// <param name="x">The argument.</param>
    [Pure]
    public static Value Relu(Value x) => NotNull(x).Relu();

    /// <summary>tanh x, as <see cref="Tanh()"/>; F#'s <c>tanh x</c>.</summary>
    /// <param name="x">The argument.</param>
    [Pure]
    public static Value Tanh(Value x) => NotNull(x).Tanh();

    /// <summary>eˣ, as <see cref="Exp()"/>; F#'s <c>exp x</c>.</summary>
    /// <param name="x">The argument.</param>
    [Pure]
    public static Value Exp(Value x) => NotNull(x).Exp();

    /// <summary>ln x, as <see cref="Log()"/>; F#'s <c>log x</c>.</summary>
    /// <param name="x">The argument.</param>
    [Pure]
    public static Value Log(Value x) => NotNull(x).Log();

    /// <summary>σ(x), as <see cref="Sigmoid()"/>.</summary>
    /// <param name="x">The argument.</param>
    [Pure]
    public static Value Sigmoid(Value x) => NotNull(x).Sigmoid();

    /// <summary>ln(1 + eˣ), as <see cref="Softplus()"/>.</summary>
    /// <param name="x">The argument.</param>
    [Pure]
    public static Value Softplus(Value x) => NotNull(x).Softplus();

    /// <summary>sin x, as <see cref="Sin()"/>; F#'s <c>sin x</c>.</summary>
    /// <param name="x">The argument.</param>
    [Pure]
    public static Value Sin(Value x) => NotNull(x).Sin();

    /// <summary>cos x, as <see cref="Cos()"/>; F#'s <c>cos x</c>.</summary>
    /// <param name="x">The argument.</param>
    [Pure]
    public static Value Cos(Value x) => NotNull(x).Cos();

    /// <summary>√x, as <see cref="Sqrt()"/>; F#'s <c>sqrt x</c>.</summary>
    /// <param name="x">The argument.</param>
    [Pure]
    public static Value Sqrt(Value x) => NotNull(x).Sqrt();

    /// <summary>|x|, as <see cref="Abs()"/>; F#'s <c>abs x</c>.</summary>
    /// <param name="x">The argument.</param>
    [Pure]
    public static Value Abs(Value x) => NotNull(x).Abs();
}
