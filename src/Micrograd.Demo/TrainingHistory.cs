using System.Collections.Immutable;
using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

namespace Micrograd.Demo;

/// <summary>
/// The record of a finished training run: the loss and accuracy over the run (what the plots and the summary
/// need), the last step's own numbers, and the trained model. It holds at most <see cref="MaxPoints"/> points,
/// however long the run: up to that many steps, one point per step (exact); beyond it, each point is the mean
/// of <see cref="Stride"/> consecutive steps. So a run of a million steps records in flat memory.
/// </summary>
public sealed class TrainingHistory
{
    /// <summary>The most points kept: 4,096, a power of two, so buckets merge pairwise as the run grows.</summary>
    public const int MaxPoints = 4096;

    private TrainingHistory(int stepCount, int stride, ImmutableArray<double> losses, ImmutableArray<double> accuracies, TrainingStep last)
    {
        StepCount = stepCount;
        Stride = stride;
        Losses = losses;
        Accuracies = accuracies;
        FinalLoss = last.Loss;
        FinalAccuracy = last.Accuracy;
        Model = last.Model;
        Elapsed = last.Elapsed;
    }

    /// <summary>The number of steps, at least one.</summary>
    public int StepCount { get; }

    /// <summary>How many consecutive steps each point averages: 1 (every step exactly) for a run of at most <see cref="MaxPoints"/> steps.</summary>
    public int Stride { get; }

    /// <summary>The trained model (after the last update).</summary>
    public Mlp Model { get; }

    /// <summary>The loss per point: point i is the mean over steps [i·Stride, (i + 1)·Stride), the last point over the steps left.</summary>
    public ImmutableArray<double> Losses { get; }

    /// <summary>The accuracy per point, on each step's batch, averaged as <see cref="Losses"/>.</summary>
    public ImmutableArray<double> Accuracies { get; }

    /// <summary>The first step of each point: 0, Stride, 2·Stride, …</summary>
    public IEnumerable<int> PointSteps => Enumerable.Range(0, Losses.Length).Select(i => i * Stride);

    /// <summary>The last step's loss.</summary>
    public double FinalLoss { get; }

    /// <summary>The last step's accuracy on its batch.</summary>
    public double FinalAccuracy { get; }

    /// <summary>The training time, from the start of the first step to the end of the last.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>
    /// The trained model's accuracy on every row of <paramref name="data"/>. (<see cref="FinalAccuracy"/> is of the
    /// model before its last update, on the last step's batch.)
    /// </summary>
    /// <param name="data">The rows to classify.</param>
    public double AccuracyOn(Dataset data) => Training.Accuracy(Model, data);

    /// <summary>Keeps a run's numbers as its steps go by, in at most <see cref="MaxPoints"/> points, holding on to no step but the latest.</summary>
    public sealed class Recorder
    {
        private readonly double[] _loss = new double[MaxPoints];
        private readonly double[] _accuracy = new double[MaxPoints];
        private int _points; // full points, plus the open one when _open > 0
        private int _open; // steps in the open (last) point
        private int _stride = 1;
        private int _steps;
        private TrainingStep? _last;

        /// <summary>Records one step; the step before it (and its model) is let go.</summary>
        /// <param name="step">The step just completed.</param>
        public void Add(TrainingStep step)
        {
            ArgumentNullException.ThrowIfNull(step);
            if (_open == 0 && _points == MaxPoints)
            {
                Halve();
            }

            var i = _open == 0 ? _points++ : _points - 1;
            // A running mean: with one step it is the step's own number, bit for bit.
            _open++;
            _loss[i] = _open == 1 ? step.Loss : _loss[i] + (step.Loss - _loss[i]) / _open;
            _accuracy[i] = _open == 1 ? step.Accuracy : _accuracy[i] + (step.Accuracy - _accuracy[i]) / _open;
            if (_open == _stride)
            {
                _open = 0;
            }

            _steps++;
            _last = step;
        }

        /// <summary>The history of the steps recorded so far.</summary>
        /// <exception cref="InvalidOperationException">No step was recorded.</exception>
        public TrainingHistory ToHistory() => _last is { } last
            ? new TrainingHistory(_steps, _stride, [.. _loss.AsSpan(0, _points)], [.. _accuracy.AsSpan(0, _points)], last)
            : throw new InvalidOperationException("A training history needs at least one step.");

        /// <summary>Every point full: merge neighbours pairwise (equal counts, so the mean of two means) and double the stride.</summary>
        private void Halve()
        {
            for (var j = 0; j < MaxPoints / 2; j++)
            {
                _loss[j] = (_loss[2 * j] + _loss[(2 * j) + 1]) / 2;
                _accuracy[j] = (_accuracy[2 * j] + _accuracy[(2 * j) + 1]) / 2;
            }

            _points = MaxPoints / 2;
            _stride *= 2;
        }
    }
}
