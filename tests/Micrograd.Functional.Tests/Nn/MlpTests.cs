using Micrograd.Functional.Nn;
using Micrograd.Functional.Tests.Engine;

namespace Micrograd.Functional.Tests.Nn;

/// <summary>Neurons, layers and the MLP: micrograd's shapes and semantics, as immutable values.</summary>
public class MlpTests
{
    /// <summary>Weights 1, 2, 3, … in draw order, so a parameter's value tells where it was drawn.</summary>
    private static Func<double> Counter()
    {
        var next = 0.0;
        return () => ++next;
    }

    [Theory]
    [InlineData(2, new[] { 16, 16, 1 }, 337)] // micrograd's demo: 2·16+16 + 16·16+16 + 16+1
    [InlineData(3, new[] { 4, 4, 1 }, 41)]     // micrograd's README: 3·4+4 + 4·4+4 + 4+1
    [InlineData(2, new[] { 1, 1 }, 5)]
    [InlineData(5, new[] { 1 }, 6)]
    public void The_parameter_count_is_the_sum_of_weights_and_biases(int inputs, int[] sizes, int count)
    {
        var model = Mlp.Create(inputs, sizes, Counter());
        Assert.Equal(count, model.Parameters.Length);
        Assert.Equal([inputs, .. sizes], model.Shape);
        Assert.Equal(sizes[^1], model.Outputs);
    }

    [Fact]
    public void Parameters_are_flattened_layer_by_layer_neuron_by_neuron_weights_then_bias()
    {
        var model = Mlp.Create(2, [2, 1], Counter());
        // Weights are drawn in that same order (1, 2, …); biases start at 0 and draw nothing.
        Assert.Equal(new[] { 1.0, 2, 0, 3, 4, 0, 5, 6, 0 }, model.ParameterValues());
    }

    [Fact]
    public void Every_layer_but_the_last_uses_the_hidden_activation()
    {
        var model = Mlp.Create(2, [3, 3, 1], Counter(), hidden: Activation.Tanh, output: Activation.Sigmoid);
        Assert.Equal(new[] { Activation.Tanh, Activation.Tanh, Activation.Sigmoid }, model.Layers.Select(l => l.Activation));
        Assert.Equal("Mlp(2 → 3 → 3 → 1, Tanh hidden, Sigmoid output, 25 parameters)", model.ToString());
    }

    [Fact]
    public void A_neuron_sums_its_bias_first_then_each_weighted_input_left_to_right()
    {
        var neuron = new Neuron([new Value(2.0), new Value(-3.0)], new Value(0.5), Activation.Linear);
        var x = new[] { new Value(1.0), new Value(4.0) };
        var output = neuron.Forward(x);

        // ((b + w₀x₀) + w₁x₁): the outer sum's left operand is b + w₀x₀, whose left operand is b.
        Assert.Equal(0.5 + 2 * 1 - 3 * 4, output.Data);
        var inner = output.Operands[0];
        Assert.Same(neuron.Bias, inner.Operands[0]);
        Assert.Equal(new[] { neuron.Weights[0], x[0] }, inner.Operands[1].Operands);
        Assert.Equal(new[] { neuron.Weights[1], x[1] }, output.Operands[1].Operands);
    }

    [Theory]
    [InlineData(Activation.Relu, -1.5, 0.0)]
    [InlineData(Activation.Relu, 2.0, 2.0)]
    [InlineData(Activation.Tanh, 0.5, 0.46211715726000974)]
    [InlineData(Activation.Sigmoid, 0.0, 0.5)]
    [InlineData(Activation.Linear, -1.5, -1.5)]
    public void Each_activation_applies_its_function_to_the_weighted_sum(Activation activation, double z, double expected)
    {
        var neuron = new Neuron([new Value(1.0)], new Value(0.0), activation);
        Tolerance.Relative(expected, neuron.Forward([new Value(z)]).Data, 1e-15);
        Tolerance.Relative(expected, neuron.Evaluate([z]), 1e-15);
    }

    [Fact]
    public void A_width_one_hidden_layer_works_where_micrograds_breaks()
    {
        var model = Mlp.Create(2, [1, 1], Counter());
        var output = model.Forward([0.5, -0.25]);
        Assert.Single(output);
        // Hidden: relu(0 + 1·0.5 + 2·(−0.25)) = relu(0) = 0; output: 0 + 3·0 = 0.
        Assert.Equal(0.0, output[0].Data);
    }

    [Fact]
    public void Forward_on_doubles_equals_forward_on_leaves_and_plain_evaluation()
    {
        var random = new Random(3);
        var model = Mlp.Create(3, [8, 8, 2], () => random.NextDouble() * 2 - 1);
        double[] x = [0.3, -1.2, 2.5];
        var fromDoubles = model.Forward(x).Select(v => v.Data);
        var fromLeaves = model.Forward(x.Select(v => new Value(v)).ToArray()).Select(v => v.Data);
        Assert.Equal(fromDoubles, fromLeaves);
        Assert.Equal(fromDoubles, model.Evaluate(x));
    }

    [Fact]
    public void WithParameters_returns_a_new_model_and_leaves_the_old_one_unchanged()
    {
        var model = Mlp.Create(2, [3, 1], Counter());
        var before = model.ParameterValues();
        var updated = model.WithParameters(before.Select(p => p * 10).ToArray());

        Assert.Equal<double>(before, model.ParameterValues());
        Assert.Equal(before.Select(p => p * 10), updated.ParameterValues());
        Assert.Empty(updated.Parameters.Intersect(model.Parameters)); // fresh leaves, no shared identity
        Assert.Equal(model.Shape, updated.Shape);
    }

    [Fact]
    public void Gradients_of_a_model_are_read_by_parameter()
    {
        // One linear neuron: y = b + w·x, so ∂y/∂w = x and ∂y/∂b = 1.
        var model = Mlp.Create(1, [1], () => 0.7);
        var y = model.Forward([3.0])[0];
        Assert.Equal(new[] { 3.0, 1.0 }, y.Backward().For(model.Parameters));
    }

    [Fact]
    public void Bad_shapes_are_rejected_with_clear_errors()
    {
        var model = Mlp.Create(2, [3, 1], Counter());
        Assert.Contains("has 2 inputs but was given 3", Assert.Throws<ArgumentException>(() => model.Forward([1.0, 2, 3])).Message);
        Assert.Contains("has 2 inputs but was given 1", Assert.Throws<ArgumentException>(() => model.Evaluate([1.0])).Message);
        Assert.Contains("has 13 parameters but was given 2 values", Assert.Throws<ArgumentException>(() => model.WithParameters([1.0, 2])).Message);
        Assert.Contains("at least 1", Assert.Throws<ArgumentOutOfRangeException>(() => Mlp.Create(2, [3, 0], Counter())).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Mlp.Create(0, [1], Counter()));
        Assert.Contains("Layer 1 has a neuron with 2 inputs where 3 are expected",
            Assert.Throws<ArgumentException>(() => new Mlp(2, [model.Layers[0], model.Layers[0]])).Message);
        Assert.Contains("2 weights but was given 1 inputs", Assert.Throws<ArgumentException>(() => model.Layers[0].Neurons[0].Forward([new Value(1)])).Message);
    }

    [Fact]
    public void Bad_arguments_are_refused_before_any_weight_is_drawn()
    {
        var drawn = 0;
        Func<double> weight = () => ++drawn;
        Assert.Throws<ArgumentOutOfRangeException>(() => Mlp.Create(0, [3, 1], weight));
        Assert.Throws<ArgumentOutOfRangeException>(() => Mlp.Create(2, [3, 0], weight));
        Assert.Equal(0, drawn);
    }

    [Fact]
    public void Models_layers_and_neurons_print_their_shapes_and_activations()
    {
        var model = Mlp.Create(2, [3, 1], Counter());
        Assert.Equal("Mlp(2 → 3 → 1, Relu hidden, Linear output, 13 parameters)", model.ToString());
        Assert.Equal("Mlp(2 → 1, Linear output, 3 parameters)", Mlp.Create(2, [1], Counter()).ToString()); // no hidden layer to name
        Assert.Equal("Layer(2 → 3, Relu)", model.Layers[0].ToString());
        Assert.Equal("Neuron(3 inputs, Linear)", model.Layers[1].Neurons[0].ToString());
    }

    [Fact]
    public void An_activation_that_is_not_a_named_value_is_refused_when_the_model_is_built_not_when_it_runs()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Mlp.Create(2, [3, 1], seed: 1, output: (Activation)9));
        Assert.Equal("Activation", error.ParamName);
        Assert.Equal((Activation)9, error.ActualValue);
        var neuron = Mlp.Create(1, [1], seed: 1).Layers[0].Neurons[0];
        Assert.Throws<ArgumentOutOfRangeException>(() => neuron with { Activation = (Activation)(-1) });
    }
}
