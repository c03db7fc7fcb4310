using System.Collections.Immutable;
using System.Diagnostics.Contracts;

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
    public Value[] Forward(IReadOnlyList<Value> x) => Neurons.Select(n => n.Forward(x)).ToArray();

    /// <summary>Each neuron's output on plain numbers.</summary>
    /// <param name="x">The layer's inputs.</param>
    [Pure]
    public double[] Evaluate(ReadOnlySpan<double> x)
    {
        var outputs = new double[Neurons.Length];
        for (var i = 0; i < outputs.Length; i++)
        {
            outputs[i] = Neurons[i].Evaluate(x);
        }

        return outputs;
    }

    /// <summary>Describes the layer by its shape and activation.</summary>
    public override string ToString() => $"Layer({Inputs} → {Outputs}, {Activation})";
}
