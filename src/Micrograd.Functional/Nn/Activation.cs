namespace Micrograd.Functional.Nn;

/// <summary>The nonlinearity a neuron applies to its weighted sum.</summary>
public enum Activation
{
    /// <summary>max(0, z): micrograd's hidden-layer nonlinearity.</summary>
    Relu,

    /// <summary>tanh z.</summary>
    Tanh,

    /// <summary>σ(z) = 1 / (1 + e⁻ᶻ).</summary>
    Sigmoid,

    /// <summary>z itself: micrograd's output layer.</summary>
    Linear,
}

/// <summary>Applies an <see cref="Activation"/> to a node or to a plain number, with the same formula.</summary>
public static class ActivationFunctions
{
    /// <summary>The activation as a graph node (Linear returns <paramref name="z"/> itself).</summary>
    /// <param name="activation">The activation.</param>
    /// <param name="z">The neuron's weighted sum.</param>
    public static Value Apply(this Activation activation, Value z) => activation switch
    {
        Activation.Relu => z.Relu(),
        Activation.Tanh => z.Tanh(),
        Activation.Sigmoid => z.Sigmoid(),
        Activation.Linear => z,
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation."),
    };

    /// <summary>The activation on a plain number, computed by the engine's own op table.</summary>
    /// <param name="activation">The activation.</param>
    /// <param name="z">The neuron's weighted sum.</param>
    public static double Apply(this Activation activation, double z) => activation switch
    {
        Activation.Relu => Calculus.Forward(Op.Relu, z, 0, 0),
        Activation.Tanh => Calculus.Forward(Op.Tanh, z, 0, 0),
        Activation.Sigmoid => Calculus.Forward(Op.Sigmoid, z, 0, 0),
        Activation.Linear => z,
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation."),
    };
}
