using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.Contracts;
using LanguageExt;
using Micrograd.Functional.Data;
using static LanguageExt.Prelude;

namespace Micrograd.Functional.Nn;

/// <summary>Training as a lazy sequence of immutable step records.</summary>
public static partial class Training
{
    /// <summary>
    /// The objective of one step, exactly as micrograd's demo builds it: the model's outputs for each
    /// sample (inputs as fresh leaves), loss = mean per-sample loss + α·Σp², and the accuracy of
    /// the same outputs (<see cref="Classification.Predict"/>).
    /// </summary>
    /// <param name="model">The model: 1 output for a binary loss, k ≥ 2 outputs for softmax over k classes.</param>
    /// <param name="batch">The samples.</param>
    /// <param name="loss">The per-sample loss.</param>
    /// <param name="l2">The L2 strength α.</param>
    /// <exception cref="ArgumentException">The loss does not suit the model's outputs, or they cannot tell the batch's classes apart.</exception>
    /// <exception cref="InvalidOperationException">Called while <see cref="Compiler.Compile"/> traces: the accuracy reads <see cref="Value.Data"/>.</exception>
    [Pure]
    public static (Value Loss, double Accuracy) Objective(Mlp model, Dataset batch, Loss loss, double l2)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(loss);
        CheckClasses(model, batch, loss, nameof(batch));
        var outputs = batch.Features.Select(row => model.Forward(row)).ToArray();
        var predicted = outputs.Select(o => Classification.Predict([.. o.Select(s => s.Data)])).ToArray(); // Data, not Primal: refuses while tracing
        return (Penalized(outputs, model, batch, loss, l2), Classification.Accuracy(predicted, batch.Labels));
    }

    /// <summary>The objective's loss alone, mean per-sample loss + α·Σp², for the compiler to trace (no accuracy, which would read values).</summary>
    internal static Value ObjectiveLoss(Mlp model, Dataset batch, Loss loss, double l2) =>
        Penalized([.. batch.Features.Select(row => model.Forward(row))], model, batch, loss, l2);

    /// <summary>mean per-sample loss of <paramref name="outputs"/> + α·Σp², built in micrograd's order.</summary>
    private static Value Penalized(IReadOnlyList<IReadOnlyList<Value>> outputs, Mlp model, Dataset batch, Loss loss, double l2) =>
        loss.Mean(outputs, batch.Labels) + Loss.L2(model.Parameters, l2);

    /// <summary>
    /// Trains lazily: each enumeration step builds the objective's graph, differentiates it, and
    /// applies the optimizer, yielding a <see cref="TrainingStep"/>. The input model is never
    /// changed; take <c>.Last().Model</c> for the trained one, and compose with LINQ
    /// (<c>TakeWhile</c>, <c>Where</c>, …) to stop early or log.
    /// </summary>
    /// <param name="model">The initial model: 1 output for a binary loss, k outputs for softmax over k classes.</param>
    /// <param name="data">The training set; its labels must be classes of the model (0..k−1).</param>
    /// <param name="options">How to train; <see cref="TrainingOptions.Micrograd"/> reproduces micrograd's demo.</param>
    /// <param name="cancellation">Checked before each step; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="ArgumentException">The data does not fit the model, the loss does not suit its outputs, or they cannot tell the data's classes apart.</exception>
    /// <exception cref="TrainingDivergedException">A step's loss is NaN or infinite, or its update makes a parameter NaN or infinite (thrown when that step is reached, so no step yields such a model).</exception>
    /// <exception cref="ArgumentException">(When a step is reached) <see cref="TrainingOptions.Batch"/> returned null, or a batch whose feature count is not the model's inputs.</exception>
    public static IEnumerable<TrainingStep> Train(this Mlp model, Dataset data, TrainingOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (data.FeatureCount != model.Inputs)
        {
            throw new ArgumentException($"The data has {data.FeatureCount} features but the model takes {model.Inputs} inputs.", nameof(data));
        }

        CheckClasses(model, data, options.Loss, nameof(data));
        return Steps(model, data, options, cancellation);
    }

    /// <summary>The fraction of <paramref name="data"/> that <paramref name="model"/> classifies correctly (<see cref="Mlp.Classify"/>, on plain doubles, no graph).</summary>
    /// <param name="model">The model.</param>
    /// <param name="data">The rows to classify.</param>
    [Pure]
    public static double Accuracy(Mlp model, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        return Classification.Accuracy([.. data.Features.Select(row => model.Classify(row.AsSpan()))], data.Labels);
    }

    /// <summary>Checks up front that the loss reads the model's outputs and that they tell the data's k classes apart.</summary>
    private static void CheckClasses(Mlp model, Dataset data, Loss loss, string parameter)
    {
        var classes = loss.ClassesFor(model.Outputs); // throws when the loss cannot read that many outputs
        if (data.Classes > classes)
        {
            throw new ArgumentException(
                loss.IsBinary
                    ? $"Loss {loss.Name} is binary (labels 0 and 1) but the data has {data.Classes} classes: use Loss.SoftmaxCrossEntropy with a model of {data.Classes} outputs."
                    : $"The {loss.Name} loss reads one score per class: the model has {model.Outputs} outputs but the data has {data.Classes} classes; use a model of {data.Classes} outputs.",
                parameter);
        }
    }

    /// <summary>The index of the first parameter that is NaN or infinite, or null when all are finite.</summary>
    private static int? FirstNonFinite(ImmutableArray<double> parameters)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            if (!double.IsFinite(parameters[i]))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Step <paramref name="k"/>'s batch: the whole data without a Batch function, else its batch, checked to fit the model the same way on every engine.</summary>
    private static Dataset BatchOf(int k, Mlp model, Dataset data, TrainingOptions options)
    {
        if (options.Batch is null)
        {
            return data;
        }

        var batch = options.Batch(k) ?? throw new ArgumentException(
            $"TrainingOptions.Batch returned null for step {k}; it must return a dataset (leave Batch null to train on the whole dataset every step).", nameof(options));
        return batch.FeatureCount == model.Inputs
            ? batch
            : throw new ArgumentException($"The batch of step {k} has {batch.FeatureCount} features but the model takes {model.Inputs} inputs.", nameof(options));
    }

    private static IEnumerable<TrainingStep> Steps(Mlp model, Dataset data, TrainingOptions options, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var optimizer = options.Optimizer;
        var state = optimizer.StartAny(model.Parameters.Length);
        var lastFinite = Option<Mlp>.None;
        var step = StepFunction(model, options);
        for (var k = 0; k < options.Steps; k++)
        {
            cancellation.ThrowIfCancellationRequested();
            var (loss, accuracy, gradients) = step(model, BatchOf(k, model, data, options));
            if (!double.IsFinite(loss))
            {
                throw new TrainingDivergedException(k, loss, lastFinite);
            }

            var rate = optimizer.LearningRate.At(state.Step);
            (var parameters, state) = optimizer.StepAny(model.ParameterValues(), gradients, state);
            if (FirstNonFinite(parameters) is { } bad)
            {
                throw new TrainingDivergedException(k, loss, bad, parameters[bad], model); // never yield a model that cannot be used or saved
            }

            lastFinite = Some(model);
            model = model.WithParameters(parameters);
            yield return new TrainingStep(k, loss, accuracy, rate, clock.Elapsed, model);
        }
    }
}
