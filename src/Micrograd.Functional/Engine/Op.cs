namespace Micrograd.Functional;

/// <summary>
/// The primitive operations a <see cref="Value"/> node can hold. Composite operations
/// (negation, subtraction, division) are built from these, exactly as micrograd builds them.
/// </summary>
public enum Op : byte
{
    /// <summary>A leaf: an input, a parameter or a constant. It has no operands.</summary>
    Leaf,

    /// <summary>a + b.</summary>
    Add,

    /// <summary>a · b.</summary>
    Mul,

    /// <summary>aᵖ for a constant exponent p.</summary>
    Pow,

    /// <summary>max(0, a), with derivative 0 at a = 0 as in micrograd.</summary>
    Relu,

    /// <summary>tanh a.</summary>
    Tanh,

    /// <summary>eᵃ.</summary>
    Exp,

    /// <summary>ln a (natural logarithm).</summary>
    Log,

    /// <summary>σ(a) = 1 / (1 + e⁻ᵃ).</summary>
    Sigmoid,

    /// <summary>softplus(a) = ln(1 + eᵃ), the smooth ReLU; its derivative is σ(a).</summary>
    Softplus,

    /// <summary>sin a; d/da sin a = cos a.</summary>
    Sin,

    /// <summary>cos a; d/da cos a = −sin a.</summary>
    Cos,

    /// <summary>√a; d/da √a = 1/(2√a), +∞ at a = 0 (as PyTorch). NaN for a &lt; 0.</summary>
    Sqrt,

    /// <summary>|a|; d/da |a| = sign a, with 0 at a = 0 (as PyTorch).</summary>
    Abs,

    /// <summary>
    /// aᵇ with both operands differentiable: ∂/∂a = b·aᵇ⁻¹ (0 where b = 0), ∂/∂b = aᵇ·ln a (0 where
    /// a = 0 and b ≥ 0), the cases PyTorch's pow(Tensor, Tensor) defines so.
    /// </summary>
    PowValue,

    /// <summary>max(a, b); the gradient goes to the larger operand, split ½/½ at a tie (as torch.maximum).</summary>
    Max,

    /// <summary>min(a, b); the gradient goes to the smaller operand, split ½/½ at a tie (as torch.minimum).</summary>
    Min,

    /// <summary>The Heaviside step: 1 where a &gt; 0, else 0 (ReLU's derivative). Its derivative is 0.</summary>
    Step,

    /// <summary>where(a &gt; 0, b, 0): b where the mask a is positive, else exactly 0 (even for a non-finite b). ∂/∂a = 0, ∂/∂b = step(a).</summary>
    Where,

    /// <summary>a itself, with no gradient through it: the gradient of its operand through this node is exactly 0 (JAX's stop_gradient, PyTorch's detach).</summary>
    StopGradient,

    /// <summary>A user-defined primitive (<see cref="CustomOp"/>): its own forward formula and derivative rules.</summary>
    Custom,
}
