using Micrograd.Functional;
using Micrograd.Functional.Nn;

namespace Micrograd.Playground.Neurons;

/// <summary>
/// The 2-input neuron of micrograd's "building micrograd" lecture as a graph of the library's values, differentiated:
/// x1w1 = x1·w1, x2w2 = x2·w2, x1w1x2w2 = x1w1 + x2w2, n = x1w1x2w2 + b, o = tanh(n) (or another activation).
/// Built afresh from five numbers; nothing is mutated.
/// </summary>
public sealed class LectureNeuron
{
    /// <summary>The lecture's inputs, weights and bias, by name: x1 = 2, x2 = 0, w1 = −3, w2 = 1, b = 6.8813735870195432.</summary>
    public static IReadOnlyDictionary<string, double> Defaults { get; } = new Dictionary<string, double>
    {
        ["x1"] = 2.0, ["x2"] = 0.0, ["w1"] = -3.0, ["w2"] = 1.0, ["b"] = 6.8813735870195432,
    };

    /// <summary>The five leaves the sliders set, in the page's order.</summary>
    public static IReadOnlyList<string> Inputs { get; } = ["x1", "x2", "w1", "w2", "b"];

    /// <summary>Every labelled node, leaves first, the output last.</summary>
    public static IReadOnlyList<string> Names { get; } = ["x1", "x2", "w1", "w2", "b", "x1w1", "x2w2", "x1w1x2w2", "n", "o"];

    private readonly Dictionary<string, Value> nodes;

    private LectureNeuron(Dictionary<string, Value> nodes, Gradients gradients)
    {
        this.nodes = nodes;
        Gradients = gradients;
        Labels = nodes.ToDictionary(p => p.Value, p => p.Key, (IEqualityComparer<Value>)ReferenceEqualityComparer.Instance);
    }

    /// <summary>The output o.</summary>
    public Value Output => nodes["o"];

    /// <summary>do/d(node) for every node of the graph.</summary>
    public Gradients Gradients { get; }

    /// <summary>Each labelled node's name, by identity (for the drawing).</summary>
    public IReadOnlyDictionary<Value, string> Labels { get; }

    /// <summary>The node labelled <paramref name="name"/> (one of <see cref="Names"/>).</summary>
    /// <param name="name">x1, x2, w1, w2, b, x1w1, x2w2, x1w1x2w2, n or o.</param>
    public Value this[string name] => nodes[name];

    /// <summary>do/d<paramref name="name"/>.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    public double GradientOf(string name) => Gradients[nodes[name]];

    /// <summary>The activations the page offers, the lecture's tanh first (linear is left out: o would be n).</summary>
    public static IReadOnlyList<Activation> Choices { get; } = [Activation.Tanh, Activation.Relu, Activation.Sigmoid];

    /// <summary>Builds the neuron on the given leaf values and runs the backward pass from o.</summary>
    /// <param name="values">x1, x2, w1, w2 and b by name; a missing one takes its <see cref="Defaults"/> value.</param>
    /// <param name="activation">The nonlinearity giving o from n.</param>
    public static LectureNeuron Of(IReadOnlyDictionary<string, double> values, Activation activation = Activation.Tanh)
    {
        ArgumentNullException.ThrowIfNull(values);
        Value Leaf(string name) => new(values.TryGetValue(name, out var v) ? v : Defaults[name]);
        var (x1, x2, w1, w2, b) = (Leaf("x1"), Leaf("x2"), Leaf("w1"), Leaf("w2"), Leaf("b"));
        var x1w1 = x1 * w1;
        var x2w2 = x2 * w2;
        var x1w1x2w2 = x1w1 + x2w2;
        var n = x1w1x2w2 + b;
        var o = Choices.Contains(activation)
            ? activation.Apply(n) // the library's own activation, as a neuron of an Mlp applies it
            : throw new ArgumentOutOfRangeException(nameof(activation), activation, "The activation must be tanh, relu or sigmoid.");
        var nodes = new Dictionary<string, Value>
        {
            ["x1"] = x1, ["x2"] = x2, ["w1"] = w1, ["w2"] = w2, ["b"] = b,
            ["x1w1"] = x1w1, ["x2w2"] = x2w2, ["x1w1x2w2"] = x1w1x2w2, ["n"] = n, ["o"] = o,
        };
        return new LectureNeuron(nodes, o.Backward());
    }
}
