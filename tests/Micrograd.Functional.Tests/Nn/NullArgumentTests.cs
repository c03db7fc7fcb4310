using System.Collections.Immutable;
using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

namespace Micrograd.Functional.Tests.Nn;

/// <summary>
/// A null where the neural-net API needs an object is refused at once with an <see cref="ArgumentNullException"/>
/// naming the argument, never a <see cref="NullReferenceException"/> from somewhere inside.
/// </summary>
public class NullArgumentTests
{
    private static readonly Dataset Data = new([[0.0, 1.0], [1.0, 0.0]], [0, 1], "two");

    private static readonly Mlp Model = Mlp.Create(2, [3, 1], seed: 1);

    private static void Refused(string parameter, Action call) =>
        Assert.Equal(parameter, Assert.Throws<ArgumentNullException>(call).ParamName);

    [Fact]
    public void Training_refuses_a_null_model_data_loss_or_options_before_any_step_is_asked_for()
    {
        Refused("model", () => Training.Objective(null!, Data, Loss.Hinge, 0));
        Refused("batch", () => Training.Objective(Model, null!, Loss.Hinge, 0));
        Refused("loss", () => Training.Objective(Model, Data, null!, 0));
        Refused("model", () => Training.Train(null!, Data, TrainingOptions.Micrograd));
        Refused("data", () => Model.Train(null!, TrainingOptions.Micrograd));
        Refused("options", () => Model.Train(Data, null!));
        Refused("model", () => Training.Accuracy(null!, Data));
        Refused("data", () => Training.Accuracy(Model, null!));
    }

    [Fact]
    public void A_model_refuses_null_sizes_generators_inputs_and_parameter_nodes()
    {
        Refused("sizes", () => Mlp.Create(2, null!, () => 0.0));
        Refused("nextWeight", () => Mlp.Create(2, [1], (Func<double>)null!));
        Refused("x", () => Model.Forward((IReadOnlyList<Value>)null!));
        Refused("nodes", () => Model.WithParameterNodes(null!));
        Refused("values", () => Model.WithParameters(default(ImmutableArray<double>)));
    }

    [Fact]
    public void Losses_refuse_null_scores_outputs_and_labels()
    {
        Refused("score", () => Loss.Hinge.Of((Value)null!, 1));
        Refused("scores", () => Loss.Hinge.Of((IReadOnlyList<Value>)null!, 1));
        Refused("scores", () => Loss.Hinge.Mean((IReadOnlyList<Value>)null!, [1]));
        Refused("scores", () => Loss.SoftmaxCrossEntropy.Of(null!, 0));
        Refused("outputs", () => Loss.SoftmaxCrossEntropy.Mean(null!, [0]));
        Refused("labels", () => Loss.SoftmaxCrossEntropy.Mean([[new Value(1), new Value(2)]], null!));
        Refused("scores", () => Loss.Accuracy(null!, [1]));
        Refused("labels", () => Loss.Accuracy([1.0], null!));
        Refused("predicted", () => Classification.Accuracy(null!, [1]));
        Refused("labels", () => Classification.Accuracy([1], null!));
    }

    [Fact]
    public void An_optimizer_step_refuses_a_null_state()
    {
        Refused("state", () => new Sgd(0.1).Step([1.0], [1.0], null!));
    }

    [Fact]
    public void Saving_and_loading_refuse_null_models_and_json_and_a_blank_path()
    {
        Refused("model", () => ModelFile.ToJson(null!));
        Refused("json", () => ModelFile.FromJson(null!));
        // A blank name would otherwise be a file named "   " in the current folder.
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => ModelFile.Save(Model, "   ")).ParamName);
    }

    [Fact]
    public void A_divergence_on_an_update_needs_the_model_the_step_started_from()
    {
        Refused("lastFiniteModel", () => _ = new TrainingDivergedException(3, 0.5, 0, double.NaN, null!));
    }
}
