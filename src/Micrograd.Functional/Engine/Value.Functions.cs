using System.Diagnostics.Contracts;

namespace Micrograd.Functional;

/// <summary>
/// The elementary functions of <see cref="Value"/>, each building one node of a primitive op whose
/// forward formula and derivative rule are in the op table (<c>Calculus</c>).
/// </summary>
public sealed partial record Value
{
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

    /// <summary>thisᵇ with a differentiable exponent b: ∂/∂this = b·thisᵇ⁻¹, ∂/∂b = thisᵇ·ln this, as PyTorch's pow(Tensor, Tensor).</summary>
    /// <param name="exponent">The exponent b, a node (a double picks <see cref="Pow(double)"/>, a constant exponent).</param>
    /// <remarks>
    /// PyTorch's special cases: ∂/∂this is 0 where b = 0 (even at this = 0), and ∂/∂b is 0 where
    /// this = 0 and b ≥ 0. A negative base gives NaN for a fractional b, and ∂/∂b is NaN there (ln of a negative number).
    /// </remarks>
    [Pure]
    public Value Pow(Value exponent) => Binary(Op.PowValue, this, NotNull(exponent));

    /// <summary>sin x; d/dx sin x = cos x.</summary>
    [Pure]
    public Value Sin() => Unary(Op.Sin, this);

    /// <summary>cos x; d/dx cos x = −sin x.</summary>
    [Pure]
    public Value Cos() => Unary(Op.Cos, this);

    /// <summary>√x; d/dx √x = 1/(2√x), which is +∞ at x = 0 (as PyTorch). NaN for x &lt; 0.</summary>
    [Pure]
    public Value Sqrt() => Unary(Op.Sqrt, this);

    /// <summary>|x|; d/dx |x| = sign x, taken to be 0 at x = 0 (as PyTorch).</summary>
    [Pure]
    public Value Abs() => Unary(Op.Abs, this);

    /// <summary>The Heaviside step: 1 where x &gt; 0, else 0 (0 at x = 0, ReLU's derivative). Its derivative is 0 everywhere.</summary>
    /// <remarks>A choice written as this op is evaluated afresh at every input of a compiled function, unlike a C# branch on <see cref="Data"/>.</remarks>
    [Pure]
    public Value Step() => Unary(Op.Step, this);

    /// <summary>
    /// The same value with no gradient through it (JAX's <c>stop_gradient</c>, PyTorch's <c>detach</c>):
    /// every mode (<see cref="Backward"/>, <see cref="BackwardSymbolic"/>, the compiled tape, forward
    /// mode) passes exactly 0 to this node's operand along this path, even when the gradient
    /// arriving here is ±∞ or NaN. Unlike a constant leaf, it is recomputed at every input of a
    /// compiled function. Finite differences see through it (<see cref="GradCheck"/> disagrees with it by design).
    /// </summary>
    [Pure]
    public Value StopGradient() => Unary(Op.StopGradient, this);

    /// <summary>max(a, b); the gradient goes to the larger operand and is split ½/½ at a tie (as torch.maximum). NaN if either is NaN.</summary>
    /// <param name="a">The first operand (a double becomes a constant leaf).</param>
    /// <param name="b">The second operand (a double becomes a constant leaf).</param>
    [Pure]
    public static Value Max(Value a, Value b) => Binary(Op.Max, NotNull(a), NotNull(b));

    /// <summary>min(a, b); the gradient goes to the smaller operand and is split ½/½ at a tie (as torch.minimum). NaN if either is NaN.</summary>
    /// <param name="a">The first operand (a double becomes a constant leaf).</param>
    /// <param name="b">The second operand (a double becomes a constant leaf).</param>
    [Pure]
    public static Value Min(Value a, Value b) => Binary(Op.Min, NotNull(a), NotNull(b));
}
