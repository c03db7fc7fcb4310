using System.Collections.Immutable;
using Micrograd.Functional.Data;

namespace Micrograd.Functional.Nn;

/// <content>How each engine computes a step's loss, accuracy and gradient.</content>
public static partial class Training
{
    /// <summary>One step's loss, accuracy and gradient for a model and a batch, by the chosen engine.</summary>
    private delegate (double Loss, double Accuracy, ImmutableArray<double> Gradient) Step(Mlp model, Dataset batch);

    private static Step StepFunction(Mlp shape, TrainingOptions options) => options.Engine switch
    {
        TrainingEngine.Graph => (model, batch) =>
        {
            var (loss, accuracy) = Objective(model, batch, options.Loss, options.L2);
            return (loss.Data, accuracy, loss.Backward().For(model.Parameters));
        },
        _ => Batched(shape, options),
    };
}
