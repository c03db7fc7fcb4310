using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Runtime.InteropServices;

namespace Micrograd.Functional.Nn;

/// <summary>
/// A layer of neurons over the same inputs. Unlike micrograd's, it always returns an array,
/// so a layer of width 1 works like any other.
/// </summary>
/// <param name="Neurons">The neurons, all with the same number of inputs.</param>
public sealed record Layer(ImmutableArray<Neuron> Neurons)
{
    /// <summary>The number of inputs.</summary>
    public int Inputs => Neurons[0].Inputs;

    /// <summary>The number of outputs (neurons).</summary>
    public int Outputs => Neurons.Length;

    /// <summary>The activation of the layer's neurons.</summary>
    public Activation Activation => Neurons[0].Activation;

    /// <summary>The parameters, neuron by neuron, each neuron's weights then bias.</summary>
    public IEnumerable<Value> Parameters => Neurons.SelectMany(n => n.Parameters);

    /// <summary>Builds each neuron's graph on the inputs.</summary>
    /// <param name="x">The layer's inputs.</param>
    [Pure]
    public Value[] Forward(IReadOnlyList<Value> x)
    {
        var outputs = new Value[Neurons.Length];
        Apply<Value>(Mlp.Span(x), outputs);
        return outputs;
    }

    /// <summary>Each neuron's output on plain numbers.</summary>
    /// <param name="x">The layer's inputs.</param>
    [Pure]
    public double[] Evaluate(ReadOnlySpan<double> x)
    {
        var outputs = new double[Neurons.Length];
        Apply(MemoryMarshal.Cast<double, Real>(x), MemoryMarshal.Cast<double, Real>(outputs.AsSpan()));
        return outputs;
    }

    /// <summary>The layer's formula, written once for nodes and numbers: each neuron on the same inputs.</summary>
    /// <typeparam name="T">Nodes (<see cref="Forward"/>) or numbers (<see cref="Evaluate"/>).</typeparam>
    /// <param name="x">The layer's inputs.</param>
    /// <param name="outputs">One place per neuron.</param>
    internal void Apply<T>(ReadOnlySpan<T> x, Span<T> outputs)
        where T : IModelScalar<T>
    {
        for (var i = 0; i < Neurons.Length; i++)
        {
            outputs[i] = Neurons[i].Apply(x);
        }
    }

    /// <summary>Describes the layer by its shape and activation.</summary>
    public override string ToString() => $"Layer({Inputs} → {Outputs}, {Activation})";
}
