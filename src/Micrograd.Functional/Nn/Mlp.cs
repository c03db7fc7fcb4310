using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;

namespace Micrograd.Functional.Nn;

/// <summary>
/// A multi-layer perceptron, micrograd's MLP, as an immutable value: a pure function of its
/// parameters. A forward pass builds a graph; <see cref="WithParameters(ImmutableArray{double})"/> returns a new model and
/// leaves this one unchanged, so training never mutates anything and there is no zero_grad.
/// </summary>
public sealed record Mlp
{
    /// <summary>Assembles a model from layers, checking that their shapes chain.</summary>
    /// <param name="inputs">The number of inputs of the first layer.</param>
    /// <param name="layers">The layers, in order; each layer's inputs equal the previous layer's outputs.</param>
    /// <exception cref="ArgumentException">There are no layers, a layer is empty, or the shapes do not chain.</exception>
    public Mlp(int inputs, ImmutableArray<Layer> layers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        if (layers.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A model needs at least one layer.", nameof(layers));
        }

        var width = inputs;
        for (var l = 0; l < layers.Length; l++)
        {
            if (layers[l].Neurons.IsDefaultOrEmpty)
            {
                throw new ArgumentException($"Layer {l} has no neurons.", nameof(layers));
            }

            if (layers[l].Neurons.FirstOrDefault(n => n.Inputs != width) is { } odd)
            {
                throw new ArgumentException($"Layer {l} has a neuron with {odd.Inputs} inputs where {width} are expected.", nameof(layers));
            }

            width = layers[l].Outputs;
        }

        Inputs = inputs;
        Layers = layers;
        var parameters = ImmutableArray.CreateBuilder<Value>(layers.Sum(l => l.Neurons.Sum(n => n.Weights.Length + 1)));
        foreach (var neuron in layers.SelectMany(l => l.Neurons))
        {
            parameters.AddRange(neuron.Weights);
            parameters.Add(neuron.Bias);
        }

        Parameters = parameters.MoveToImmutable();
    }

    /// <summary>The number of inputs.</summary>
    public int Inputs { get; }

    /// <summary>The layers, first to last.</summary>
    public ImmutableArray<Layer> Layers { get; }

    /// <summary>Every parameter, flattened as micrograd does: layer by layer, neuron by neuron, weights then bias.</summary>
    public ImmutableArray<Value> Parameters { get; }

    /// <summary>The number of outputs of the last layer.</summary>
    public int Outputs => Layers[^1].Outputs;

    /// <summary>The widths: inputs, then each layer's outputs (e.g. 2, 16, 16, 1).</summary>
    public IReadOnlyList<int> Shape => [Inputs, .. Layers.Select(l => l.Outputs)];

    /// <summary>
    /// Creates micrograd's MLP(inputs, sizes): every layer uses <paramref name="hidden"/> except the
    /// last, which uses <paramref name="output"/>. Weights are drawn from <paramref name="nextWeight"/>
    /// in parameter order; biases start at 0 and draw nothing.
    /// </summary>
    /// <param name="inputs">The number of inputs.</param>
    /// <param name="sizes">Each layer's width, e.g. [16, 16, 1].</param>
    /// <param name="nextWeight">Draws the next weight, e.g. a uniform(−1, 1) generator.</param>
    /// <param name="hidden">The activation of every layer but the last (micrograd: ReLU).</param>
    /// <param name="output">The activation of the last layer (micrograd: linear).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public static Mlp Create(int inputs, IReadOnlyList<int> sizes, Func<double> nextWeight, Activation hidden = Activation.Relu, Activation output = Activation.Linear)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(nextWeight);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        if (sizes.Count == 0 || sizes.Any(s => s < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(sizes), $"Layer sizes must be at least 1, and there must be at least one; got [{string.Join(", ", sizes)}].");
        }

        var layers = ImmutableArray.CreateBuilder<Layer>(sizes.Count);
        var width = inputs;
        for (var l = 0; l < sizes.Count; l++)
        {
            var activation = l == sizes.Count - 1 ? output : hidden;
            var fanIn = width;
            var neurons = Enumerable.Range(0, sizes[l])
                .Select(_ => new Neuron([.. Enumerable.Range(0, fanIn).Select(_ => new Value(nextWeight()))], new Value(0.0), activation))
                .ToImmutableArray();
            layers.Add(new Layer(neurons));
            width = sizes[l];
        }

        return new Mlp(inputs, layers.MoveToImmutable());
    }

    /// <summary>
    /// Creates micrograd's MLP exactly as micrograd does after Python's <c>random.seed(seed)</c>:
    /// each weight is <c>random.uniform(-1, 1)</c>, drawn in parameter order; biases are 0.
    /// </summary>
    /// <param name="inputs">The number of inputs.</param>
    /// <param name="sizes">Each layer's width, e.g. [16, 16, 1].</param>
    /// <param name="seed">Python's random seed (micrograd's demo: 1337).</param>
    /// <param name="hidden">The activation of every layer but the last.</param>
    /// <param name="output">The activation of the last layer.</param>
    public static Mlp Create(int inputs, IReadOnlyList<int> sizes, int seed = 1337, Activation hidden = Activation.Relu, Activation output = Activation.Linear)
    {
        var random = new Data.PythonRandom(seed);
        return Create(inputs, sizes, () => random.Uniform(-1, 1), hidden, output);
    }

    /// <summary>Builds the model's graph on the given input nodes.</summary>
    /// <param name="x">One node per input.</param>
    /// <returns>One node per output.</returns>
    [Pure]
    public Value[] Forward(IReadOnlyList<Value> x) => Apply<Value>(Span(x ?? throw new ArgumentNullException(nameof(x))));

    /// <summary>Builds the model's graph on plain inputs, each becoming a leaf (as micrograd's demo does).</summary>
    /// <param name="x">One number per input.</param>
    [Pure]
    public Value[] Forward(IReadOnlyList<double> x) =>
        Forward((x ?? throw new ArgumentNullException(nameof(x))).Select(v => new Value(v)).ToArray());

    /// <summary>The model's outputs on plain numbers, with the same formulas and no graph (fast: for plots and prediction).</summary>
    /// <param name="x">One number per input.</param>
    [Pure]
    public double[] Evaluate(ReadOnlySpan<double> x) => MemoryMarshal.Cast<Real, double>(Apply(MemoryMarshal.Cast<double, Real>(x))).ToArray();

    /// <summary>The model's formula, written once for nodes and numbers: each layer on the previous layer's outputs.</summary>
    /// <typeparam name="T">Nodes (<see cref="Forward(IReadOnlyList{Value})"/>) or numbers (<see cref="Evaluate"/>).</typeparam>
    /// <param name="x">One input per model input.</param>
    /// <returns>One output per neuron of the last layer.</returns>
    internal T[] Apply<T>(ReadOnlySpan<T> x)
        where T : IModelScalar<T>
    {
        if (x.Length != Inputs)
        {
            throw new ArgumentException($"The model has {Inputs} inputs but was given {x.Length}.", nameof(x));
        }

        var activations = x.ToArray();
        foreach (var layer in Layers)
        {
            var outputs = new T[layer.Outputs];
            layer.Apply<T>(activations, outputs);
            activations = outputs;
        }

        return activations;
    }

    /// <summary>A copy of the nodes of <paramref name="x"/> as a span (for the public entry points; the formulas pass arrays on).</summary>
    /// <param name="x">Nodes.</param>
    internal static ReadOnlySpan<Value> Span(IReadOnlyList<Value> x) => (x ?? throw new ArgumentNullException(nameof(x))).ToArray();

    /// <summary>The class the model predicts for <paramref name="x"/>, from its outputs on plain numbers (see <see cref="Classification.Predict"/>).</summary>
    /// <param name="x">One number per input.</param>
    /// <returns>For one output, 1 when it is &gt; 0, else 0; for k outputs, the index of the largest.</returns>
    [Pure]
    public int Classify(ReadOnlySpan<double> x) => Classification.Predict(Evaluate(x));

    /// <summary>The parameters' current values, in <see cref="Parameters"/> order.</summary>
    [Pure]
    public ImmutableArray<double> ParameterValues()
    {
        var values = new double[Parameters.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Parameters[i].Data;
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(values);
    }

    /// <summary>
    /// A new model of the same shape whose parameters are fresh leaves holding <paramref name="values"/>: what an
    /// optimizer step returns goes straight in (<c>model = model.WithParameters(p)</c>).
    /// </summary>
    /// <param name="values">One value per parameter, in <see cref="Parameters"/> order.</param>
    /// <exception cref="ArgumentException">The number of values differs from the number of parameters.</exception>
    [Pure]
    [OverloadResolutionPriority(1)] // a collection expression such as [1.0, 2.0] picks this overload
    public Mlp WithParameters(ImmutableArray<double> values) =>
        WithParameters(values.IsDefault ? throw new ArgumentNullException(nameof(values)) : values.AsSpan());

    /// <summary>A new model of the same shape whose parameters are fresh leaves holding <paramref name="values"/> (for hot paths that hold a buffer).</summary>
    /// <param name="values">One value per parameter, in <see cref="Parameters"/> order.</param>
    /// <exception cref="ArgumentException">The number of values differs from the number of parameters.</exception>
    [Pure]
    public Mlp WithParameters(ReadOnlySpan<double> values)
    {
        if (values.Length != Parameters.Length)
        {
            throw new ArgumentException($"The model has {Parameters.Length} parameters but was given {values.Length} values.", nameof(values));
        }

        var leaves = new Value[values.Length];
        for (var i = 0; i < leaves.Length; i++)
        {
            leaves[i] = new Value(values[i]);
        }

        return Rebuild(leaves);
    }

    /// <summary>
    /// A model of the same shape whose parameters are the given nodes, used as they are (no copies):
    /// how a compiled objective traces the model with its parameters as inputs.
    /// </summary>
    /// <param name="nodes">One node per parameter, in <see cref="Parameters"/> order.</param>
    /// <exception cref="ArgumentException">The number of nodes differs from the number of parameters.</exception>
    [Pure]
    public Mlp WithParameterNodes(IReadOnlyList<Value> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (nodes.Count != Parameters.Length)
        {
            throw new ArgumentException($"The model has {Parameters.Length} parameters but was given {nodes.Count} nodes.", nameof(nodes));
        }

        return Rebuild(nodes);
    }

    /// <summary>This model's shape with <paramref name="nodes"/> as its parameters, in <see cref="Parameters"/> order (the count is checked by the callers).</summary>
    private Mlp Rebuild(IReadOnlyList<Value> nodes)
    {
        var next = 0;
        var layers = new Layer[Layers.Length];
        for (var l = 0; l < layers.Length; l++)
        {
            var neurons = new Neuron[Layers[l].Neurons.Length];
            for (var j = 0; j < neurons.Length; j++)
            {
                var neuron = Layers[l].Neurons[j];
                var weights = new Value[neuron.Weights.Length];
                for (var k = 0; k < weights.Length; k++)
                {
                    weights[k] = nodes[next++];
                }

                neurons[j] = neuron with { Weights = ImmutableCollectionsMarshal.AsImmutableArray(weights), Bias = nodes[next++] };
            }

            layers[l] = new Layer(ImmutableCollectionsMarshal.AsImmutableArray(neurons));
        }

        return new Mlp(Inputs, ImmutableCollectionsMarshal.AsImmutableArray(layers));
    }

    /// <summary>Describes the model, e.g. <c>Mlp(2 → 16 → 16 → 1, Relu hidden, Linear output, 337 parameters)</c>.</summary>
    public override string ToString() =>
        $"Mlp({string.Join(" → ", Shape)}, {(Layers.Length > 1 ? $"{Layers[0].Activation} hidden, " : "")}{Layers[^1].Activation} output, {Parameters.Length} parameters)";
}
