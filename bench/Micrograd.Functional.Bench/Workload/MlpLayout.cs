namespace Micrograd.Functional.Bench.Workload;

/// <summary>
/// The shape of micrograd's <c>MLP(nin, nouts)</c> and where each of its parameters sits in a
/// flat vector, in micrograd's <c>parameters()</c> order: layer by layer, neuron by neuron, the
/// neuron's weights and then its bias. Every hidden layer applies ReLU; the last is linear.
/// </summary>
public sealed class MlpLayout
{
    /// <summary>Lays out an MLP with <paramref name="inputs"/> inputs and the given layer widths.</summary>
    /// <param name="inputs">The number of inputs (nin).</param>
    /// <param name="outputs">The width of each layer (nouts), e.g. 16, 16, 1.</param>
    public MlpLayout(int inputs, params int[] outputs)
    {
        var layers = new List<LayerShape>();
        var offset = 0;
        for (var l = 0; l < outputs.Length; l++)
        {
            var nin = l == 0 ? inputs : outputs[l - 1];
            layers.Add(new LayerShape(nin, outputs[l], Relu: l != outputs.Length - 1, offset));
            offset += outputs[l] * (nin + 1);
        }

        Layers = layers;
        ParameterCount = offset;
    }

    /// <summary>The layers, input side first.</summary>
    public IReadOnlyList<LayerShape> Layers { get; }

    /// <summary>The number of weights and biases, e.g. 337 for MLP(2, [16, 16, 1]).</summary>
    public int ParameterCount { get; }

    /// <summary>
    /// micrograd's initialisation, drawn deterministically: every weight uniform(−1, 1) and every
    /// bias 0, in <c>parameters()</c> order.
    /// </summary>
    /// <param name="seed">The seed of the <see cref="Random"/> the weights are drawn from.</param>
    public double[] InitialParameters(int seed)
    {
        var random = new Random(seed);
        var parameters = new double[ParameterCount];
        foreach (var layer in Layers)
        {
            for (var j = 0; j < layer.Outputs; j++)
            {
                for (var i = 0; i < layer.Inputs; i++)
                {
                    parameters[layer.Weight(j, i)] = 2 * random.NextDouble() - 1;
                }

                parameters[layer.Bias(j)] = 0.0;
            }
        }

        return parameters;
    }
}

/// <summary>One fully connected layer and the position of its parameters in the flat vector.</summary>
/// <param name="Inputs">The number of inputs of each neuron.</param>
/// <param name="Outputs">The number of neurons.</param>
/// <param name="Relu">True for a hidden layer (ReLU), false for the linear output layer.</param>
/// <param name="Offset">The position of the layer's first parameter.</param>
public readonly record struct LayerShape(int Inputs, int Outputs, bool Relu, int Offset)
{
    /// <summary>The position of weight wᵢ of neuron j.</summary>
    /// <param name="neuron">The neuron j.</param>
    /// <param name="input">The input i.</param>
    public int Weight(int neuron, int input) => Offset + neuron * (Inputs + 1) + input;

    /// <summary>The position of the bias of neuron j (right after its weights).</summary>
    /// <param name="neuron">The neuron j.</param>
    public int Bias(int neuron) => Offset + neuron * (Inputs + 1) + Inputs;
}
