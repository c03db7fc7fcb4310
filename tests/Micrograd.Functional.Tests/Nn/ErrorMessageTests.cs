using System.Collections.Immutable;
using LanguageExt;
using Micrograd.Functional.Nn;

namespace Micrograd.Functional.Tests.Nn;

/// <summary>
/// Every refusal of the neural-net API says in words what is wrong, with the numbers that are wrong, and names
/// the argument: the message is what a user reads first.
/// </summary>
public class ErrorMessageTests
{
    private static readonly Mlp Model = Mlp.Create(2, [3, 1], seed: 1); // 2·3+3 + 3+1 = 13 parameters

    private static string Message<TException>(string parameter, Action call)
        where TException : ArgumentException
    {
        var error = Assert.Throws<TException>(call);
        Assert.Equal(parameter, error.ParamName);
        return error.Message;
    }

    [Fact]
    public void An_activation_that_is_not_a_named_value_is_unknown_to_both_kinds_of_apply()
    {
        Assert.StartsWith("Unknown activation.", Message<ArgumentOutOfRangeException>("activation", () => ((Activation)9).Apply(new Value(1.0))));
        Assert.StartsWith("Unknown activation.", Message<ArgumentOutOfRangeException>("activation", () => ((Activation)9).Apply(1.0)));
        Assert.StartsWith(
            "The activation must be one of Relu, Tanh, Sigmoid, Linear.",
            Message<ArgumentOutOfRangeException>("Activation", () => _ = new Neuron([new Value(1.0)], new Value(0.0), (Activation)9)));
    }

    [Fact]
    public void Predictions_need_an_output_and_one_label_each()
    {
        Assert.StartsWith("A prediction needs at least one output.", Message<ArgumentException>("outputs", () => Classification.Predict([])));
        Assert.StartsWith("There are 2 predictions but 1 labels.", Message<ArgumentException>("labels", () => Classification.Accuracy([0, 1], [0])));
    }

    [Fact]
    public void Schedules_say_what_a_rate_a_ramp_and_a_step_must_be()
    {
        Assert.StartsWith("A learning rate must be a finite number ≥ 0.", Message<ArgumentOutOfRangeException>("Rate", () => _ = new LearningRate.Constant(-1)));
        Assert.StartsWith("A linear schedule needs a ramp of at least 1 step.", Message<ArgumentOutOfRangeException>("Steps", () => _ = new LearningRate.Linear(1, 0, 0)));
        Assert.StartsWith("Steps count from 0.", Message<ArgumentOutOfRangeException>("step", () => new LearningRate.Constant(1).At(-1)));
    }

    [Fact]
    public void Losses_say_how_many_classes_and_outputs_they_need()
    {
        Assert.StartsWith("A classifier needs at least 2 classes, not 1.", Message<ArgumentException>("classes", () => Loss.SoftmaxCrossEntropy.OutputsFor(1)));
        Assert.StartsWith(
            "Sample 1 has 1 outputs but sample 0 has 2.",
            Message<ArgumentException>("outputs", () => Loss.SoftmaxCrossEntropy.Mean([[new Value(1), new Value(2)], [new Value(3)]], [0, 1])));
    }

    [Fact]
    public void A_model_says_which_layer_or_count_is_wrong()
    {
        Assert.Equal("inputs", Assert.Throws<ArgumentOutOfRangeException>(() => new Mlp(0, Model.Layers)).ParamName);
        Assert.StartsWith("A model needs at least one layer.", Message<ArgumentException>("layers", () => _ = new Mlp(2, [])));
        Assert.StartsWith("Layer 1 has no neurons.", Message<ArgumentException>("layers", () => _ = new Mlp(2, [Model.Layers[0], new Layer([])])));
        Assert.Contains("got [3, 0, 2]", Message<ArgumentOutOfRangeException>("sizes", () => Mlp.Create(2, [3, 0, 2], () => 1.0)));
        Assert.StartsWith(
            "The model has 13 parameters but was given 2 nodes.",
            Message<ArgumentException>("nodes", () => Model.WithParameterNodes([new Value(1), new Value(2)])));
        Assert.StartsWith(
            "The neuron has 2 weights but was given 3 inputs.",
            Message<ArgumentException>("x", () => Model.Layers[0].Neurons[0].Evaluate([1.0, 2.0, 3.0])));
    }

    [Fact]
    public void Optimizers_say_what_their_settings_must_be()
    {
        Assert.StartsWith(
            "An optimizer needs a learning-rate schedule; a number means a constant rate.",
            Message<ArgumentNullException>("LearningRate", () => _ = new Sgd((LearningRate)null!)));
        Assert.StartsWith("A decay rate β must be in [0, 1)", Message<ArgumentOutOfRangeException>("Beta", () => _ = new Momentum(0.1, 1.0)));
        Assert.StartsWith("Adam's ε must be a finite number > 0", Message<ArgumentOutOfRangeException>("Epsilon", () => _ = new Adam(0.1, Epsilon: 0)));
    }

    [Fact]
    public void A_step_names_the_lengths_of_missing_parameters_gradients_and_moments()
    {
        var sgd = new Sgd(0.1);
        Assert.StartsWith("There are 0 parameters but 1 gradients.", Message<ArgumentException>("grads", () => sgd.Step(default, [1.0], sgd.Start(1))));
        Assert.StartsWith("There are 1 parameters but 0 gradients.", Message<ArgumentException>("grads", () => sgd.Step([1.0], default, sgd.Start(1))));
        ImmutableArray<double> two = [1.0, 2.0];
        Assert.StartsWith(
            "The state Momentum.State(step=0, 0 velocities) was started for 0 parameters, not 2.",
            Message<ArgumentException>("state", () => new Momentum(0.1).Step(two, two, new Momentum.State(0, default))));
        Assert.StartsWith(
            "The state Adam.State(step=0, 0 moments) was started for 0 parameters, not 2.",
            Message<ArgumentException>("state", () => new Adam(0.1).Step(two, two, new Adam.State(0, default, default))));
        Assert.StartsWith(
            "The state's moments differ in length: 2 first moments and 1 second moments.",
            Message<ArgumentException>("state", () => new Adam(0.1).Step(two, two, new Adam.State(0, two, [1.0]))));
    }

    [Fact]
    public void Training_options_say_what_each_setting_must_be()
    {
        Assert.StartsWith("The number of training steps must be at least 0.", Message<ArgumentOutOfRangeException>("Steps", () => _ = new TrainingOptions { Steps = -1 }));
        Assert.StartsWith("The L2 strength must be a finite number ≥ 0", Message<ArgumentOutOfRangeException>("L2", () => _ = new TrainingOptions { L2 = -1 }));
        Assert.StartsWith("The engine must be one of Compiled, Graph.", Message<ArgumentOutOfRangeException>("Engine", () => _ = new TrainingOptions { Engine = (TrainingEngine)5 }));
    }

    [Fact]
    public void A_divergence_says_which_step_and_which_model_is_kept()
    {
        Assert.Equal(
            "Training diverged at step 3: the loss is NaN. The model of step 2, the last with a finite loss, is kept in LastFiniteModel.",
            new TrainingDivergedException(3, double.NaN, Option<Mlp>.Some(Model)).Message);
        Assert.Equal(
            "Training diverged at step 3: its update made parameter 4 Infinity (the loss before the update was 0.5); a smaller learning rate often helps. " +
            "The model step 3 started from, the last with finite parameters, is kept in LastFiniteModel.",
            new TrainingDivergedException(3, 0.5, 4, double.PositiveInfinity, Model).Message);
    }
}
