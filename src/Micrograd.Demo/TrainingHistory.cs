using System.Collections.Immutable;
using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

namespace Micrograd.Demo;

/// <summary>The record of a finished training run: every step, in order.</summary>
/// <param name="Steps">The steps, at least one.</param>
public sealed record TrainingHistory(ImmutableArray<TrainingStep> Steps)
{
    /// <summary>The trained model (after the last update).</summary>
    public Mlp Model => Steps[^1].Model;

    /// <summary>The last step's loss.</summary>
    public double FinalLoss => Steps[^1].Loss;

    /// <summary>The last step's accuracy on its batch.</summary>
    public double FinalAccuracy => Steps[^1].Accuracy;

    /// <summary>The training time, from the start of the first step to the end of the last.</summary>
    public TimeSpan Elapsed => Steps[^1].Elapsed;

    /// <summary>
    /// The trained model's accuracy on every row of <paramref name="data"/>. (<see cref="FinalAccuracy"/> is of the
    /// model before its last update, on the last step's batch.)
    /// </summary>
    /// <param name="data">The rows to classify.</param>
    public double AccuracyOn(Dataset data) => Training.Accuracy(Model, data);

    /// <summary>The loss per step.</summary>
    public IEnumerable<double> Losses => Steps.Select(s => s.Loss);

    /// <summary>The accuracy per step.</summary>
    public IEnumerable<double> Accuracies => Steps.Select(s => s.Accuracy);
}
