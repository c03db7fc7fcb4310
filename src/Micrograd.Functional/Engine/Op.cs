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
}
