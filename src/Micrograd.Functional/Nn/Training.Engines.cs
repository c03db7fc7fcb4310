using System.Collections.Immutable;
using Micrograd.Functional.Data;

namespace Micrograd.Functional.Nn;

/// <content>How each engine computes a step's loss, accuracy and gradient.</content>
public static partial class Training
{
    /// <summary>One step's loss, accuracy and gradient for a model and a batch, by the chosen engine.</summary>
    private delegate (double Loss, double Accuracy, ImmutableArray<double> Gradient) Step(Mlp model, Dataset batch);

    private static Step StepFunction(Mlp shape, Dataset data, TrainingOptions options) => options.Engine switch
    {
        TrainingEngine.Graph => (model, batch) =>
        {
            var (loss, accuracy) = Objective(model, batch, options.Loss, options.L2);
            return (loss.Data, accuracy, loss.Backward().For(model.Parameters));
        },
        _ when options.Batch is null => WholeBatch(shape, data, options),
        _ => PerSample(shape, options),
    };

    /// <summary>The full-batch objective compiled once, the data frozen as constants: the graph engine's numbers, bit for bit.</summary>
    private static Step WholeBatch(Mlp shape, Dataset data, TrainingOptions options)
    {
        var objective = Compiler.Compile(p => ObjectiveLoss(shape.WithParameterNodes(p), data, options.Loss, options.L2), shape.Parameters.Length);
        return (model, batch) =>
        {
            var gradient = new double[model.Parameters.Length];
            var loss = objective.ValueAndGrad(model.ParameterValues().AsSpan(), gradient);
            return (loss, Accuracy(model, batch), [.. gradient]);
        };
    }

    /// <summary>
    /// Minibatches: each sample's loss compiled once per class label 0..k−1 (inputs: the parameters, then the
    /// features), summed over the batch in parallel by <see cref="DataParallel"/>, plus the compiled L2
    /// penalty. Equal to the graph engine's objective up to rounding (the sums are grouped differently).
    /// </summary>
    private static Step PerSample(Mlp shape, TrainingOptions options)
    {
        var count = shape.Parameters.Length;
        var classes = options.Loss.ClassesFor(shape.Outputs);
        var perLabel = Enumerable.Range(0, classes).Select(label => Compiler.Compile(
            inputs => options.Loss.Of(shape.WithParameterNodes(inputs[..count]).Forward(inputs[count..]), label),
            count + shape.Inputs)).ToArray();
        var penalty = Compiler.Compile(p => Loss.L2(p, options.L2), count);
        return (model, batch) =>
        {
            CheckClasses(model, batch, options.Loss, nameof(batch)); // each batch as it comes
            var parameters = model.ParameterValues().AsSpan();
            var gradient = new double[count];
            var sum = DataParallel.SumValueAndGrad(parameters, batch.Count, i => (perLabel[batch.Labels[i]], batch.Features[i]), gradient);
            var l2 = new double[count];
            var regularization = penalty.ValueAndGrad(parameters, l2);
            return (sum / batch.Count + regularization, Accuracy(model, batch), [.. gradient.Select((g, j) => g / batch.Count + l2[j])]);
        };
    }
}
