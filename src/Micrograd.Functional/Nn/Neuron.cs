using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Runtime.InteropServices;

namespace Micrograd.Functional.Nn;

/// <summary>
/// One neuron: act(b + w₀·x₀ + w₁·x₁ + …), summed bias first and then left to right, as micrograd
/// does. Immutable: its weights and bias are leaf <see cref="Value"/>s.
/// </summary>
/// <param name="Weights">One weight per input.</param>
/// <param name="Bias">The bias b.</param>
/// <param name="Activation">The nonlinearity applied to the weighted sum.</param>
public sealed record Neuron(ImmutableArray<Value> Weights, Value Bias, Activation Activation)
{
    /// <summary>The nonlinearity applied to the weighted sum, checked when set (also by <c>with</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not one of the named activations, e.g. <c>(Activation)9</c>.</exception>
    public Activation Activation { get; init => field = Named(value); } = Named(Activation);

    /// <summary>The number of inputs.</summary>
    public int Inputs => Weights.Length;

    /// <summary>The parameters in micrograd's order: the weights, then the bias.</summary>
    public IEnumerable<Value> Parameters => Weights.Append(Bias);

    /// <summary>Builds the neuron's graph on the given inputs.</summary>
    /// <param name="x">One input per weight.</param>
    /// <exception cref="ArgumentException">The input count differs from the weight count.</exception>
    [Pure]
    public Value Forward(IReadOnlyList<Value> x) => Apply<Value>(Mlp.Span(x));

    /// <summary>The neuron's output on plain numbers, with the same formula and no graph.</summary>
    /// <param name="x">One input per weight.</param>
    /// <exception cref="ArgumentException">The input count differs from the weight count.</exception>
    [Pure]
    public double Evaluate(ReadOnlySpan<double> x) => Apply(MemoryMarshal.Cast<double, Real>(x)).X;

    /// <summary>The neuron's formula, written once for nodes and numbers: act(b + w₀·x₀ + w₁·x₁ + …), bias first, then left to right.</summary>
    /// <typeparam name="T">Nodes (<see cref="Forward"/>) or numbers (<see cref="Evaluate"/>).</typeparam>
    /// <param name="x">One input per weight.</param>
    internal T Apply<T>(ReadOnlySpan<T> x)
        where T : IModelScalar<T>
    {
        CheckWidth(x.Length);
        var sum = T.Parameter(Bias);
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += T.Parameter(Weights[i]) * x[i];
        }

        return T.Activate(Activation, sum);
    }

    /// <summary>Describes the neuron by its size and activation.</summary>
    public override string ToString() => $"Neuron({Inputs} inputs, {Activation})";

    private void CheckWidth(int count)
    {
        if (count != Weights.Length)
        {
            throw new ArgumentException($"The neuron has {Weights.Length} weights but was given {count} inputs.", "x");
        }
    }

    private static Activation Named(Activation activation) => Enum.IsDefined(activation)
        ? activation
        : throw new ArgumentOutOfRangeException(nameof(Activation), activation, $"The activation must be one of {string.Join(", ", Enum.GetNames<Activation>())}.");
}
