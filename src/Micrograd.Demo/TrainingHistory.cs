using System.Collections.Immutable;
using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

namespace Micrograd.Demo;

/// <summary>
/// The record of a finished training run: each step's loss and accuracy (what the plots and the summary
/// need) and the trained model. It keeps 16 bytes a step, never the steps' models, so a run of a million
/// steps records in flat memory.
/// </summary>
public sealed class TrainingHistory
{
    private TrainingHistory(ImmutableArray<double> losses, ImmutableArray<double> accuracies, Mlp model, TimeSpan elapsed)
    {
        Losses = losses;
        Accuracies = accuracies;
        Model = model;
        Elapsed = elapsed;
    }

    /// <summary>The number of steps, at least one.</summary>
    public int StepCount => Losses.Length;

    /// <summary>The trained model (after the last update).</summary>
    public Mlp Model { get; }

    /// <summary>The loss per step.</summary>
    public ImmutableArray<double> Losses { get; }

    /// <summary>The accuracy per step, on that step's batch.</summary>
    public ImmutableArray<double> Accuracies { get; }

    /// <summary>The last step's loss.</summary>
    public double FinalLoss => Losses[^1];

    /// <summary>The last step's accuracy on its batch.</summary>
    public double FinalAccuracy => Accuracies[^1];

    /// <summary>The training time, from the start of the first step to the end of the last.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>
    /// The trained model's accuracy on every row of <paramref name="data"/>. (<see cref="FinalAccuracy"/> is of the
    /// model before its last update, on the last step's batch.)
    /// </summary>
    /// <param name="data">The rows to classify.</param>
    public double AccuracyOn(Dataset data) => Training.Accuracy(Model, data);

    /// <summary>Keeps a run's numbers as its steps go by, holding on to no step but the latest.</summary>
    /// <param name="expectedSteps">How many steps the run will have (a capacity hint).</param>
    public sealed class Recorder(int expectedSteps)
    {
        private readonly ImmutableArray<double>.Builder _losses = ImmutableArray.CreateBuilder<double>(Math.Clamp(expectedSteps, 1, 1 << 20));
        private readonly ImmutableArray<double>.Builder _accuracies = ImmutableArray.CreateBuilder<double>(Math.Clamp(expectedSteps, 1, 1 << 20));
        private TrainingStep? _last;

        /// <summary>Records one step; the step before it (and its model) is let go.</summary>
        /// <param name="step">The step just completed.</param>
        public void Add(TrainingStep step)
        {
            _losses.Add(step.Loss);
            _accuracies.Add(step.Accuracy);
            _last = step;
        }

        /// <summary>The history of the steps recorded so far.</summary>
        /// <exception cref="InvalidOperationException">No step was recorded.</exception>
        public TrainingHistory ToHistory() => _last is { } last
            ? new TrainingHistory(_losses.ToImmutable(), _accuracies.ToImmutable(), last.Model, last.Elapsed)
            : throw new InvalidOperationException("A training history needs at least one step.");
    }
}
