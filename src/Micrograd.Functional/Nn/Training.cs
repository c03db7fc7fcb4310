using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.Contracts;
using LanguageExt;
using Micrograd.Functional.Data;
using static LanguageExt.Prelude;

namespace Micrograd.Functional.Nn;

/// <summary>How a training step computes its loss and gradient.</summary>
public enum TrainingEngine
{
    /// <summary>
    /// Compile once, differentiate many times (the default): the objective is traced once into a flat
    /// tape with the parameters as inputs. Full-batch training gives the graph engine's numbers bit for
    /// bit; minibatches sum per-sample gradients in parallel, deterministically (see <see cref="DataParallel"/>).
    /// </summary>
    Compiled,

    /// <summary>Rebuild the graph every step and call Backward, as micrograd does: slower, and the clearest to read.</summary>
    Graph,
}

/// <summary>How to train: the loss, the optimizer, the number of steps, the L2 strength, the batches and the engine.</summary>
public sealed record TrainingOptions
{
    /// <summary>micrograd's demo: hinge loss, SGD with η(k) = 1.0 − 0.9·k/100, 100 full-batch steps, L2 1e-4.</summary>
    public static TrainingOptions Micrograd { get; } = new();

    /// <summary>The loss (default: micrograd's hinge loss).</summary>
    public Loss Loss { get; init; } = Loss.Hinge;

    /// <summary>The optimizer (default: SGD with micrograd's schedule).</summary>
    public Optimizer Optimizer { get; init; } = new Sgd(LearningRate.Micrograd(100));

    /// <summary>The number of steps (default 100).</summary>
    public int Steps { get; init; } = 100;

    /// <summary>The strength α of the L2 penalty α·Σp² added to the loss (default 1e-4; 0 turns it off).</summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>
    /// The batch for each step, from the step number; null (the default) uses the whole dataset
    /// every step, as micrograd's demo does.
    /// </summary>
    public Func<int, Dataset>? Batch { get; init; }

    /// <summary>How each step computes its loss and gradient (default <see cref="TrainingEngine.Compiled"/>).</summary>
    public TrainingEngine Engine { get; init; } = TrainingEngine.Compiled;
}

/// <summary>One training step's record.</summary>
/// <param name="Step">The step, from 0.</param>
/// <param name="Loss">The total loss (data loss plus L2) of the model before this step's update.</param>
/// <param name="Accuracy">The fraction of this step's batch classified correctly, measured on the same forward pass.</param>
/// <param name="LearningRate">The learning rate this step's update used.</param>
/// <param name="Elapsed">The time since training started, at the end of this step.</param>
/// <param name="Model">The model after this step's update.</param>
public sealed record TrainingStep(int Step, double Loss, double Accuracy, double LearningRate, TimeSpan Elapsed, Mlp Model)
{
    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"step {Step} loss {Loss:R}, accuracy {Accuracy * 100}%");
}

/// <summary>Training stopped because the loss became NaN or infinite.</summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for a non-finite loss at <paramref name="step"/>.</summary>
    /// <param name="step">The step whose loss is not finite.</param>
    /// <param name="loss">That loss.</param>
    /// <param name="lastFiniteModel">The last model whose loss was finite, if any step had one.</param>
    public TrainingDivergedException(int step, double loss, Option<Mlp> lastFiniteModel)
        : base(FormattableString.Invariant($"Training diverged at step {step}: the loss is {loss}. ") +
               lastFiniteModel.Match(Some: _ => $"The model of step {step - 1}, the last with a finite loss, is kept in LastFiniteModel.", None: () => "No step had a finite loss; try a smaller learning rate."))
    {
        Step = step;
        Loss = loss;
        LastFiniteModel = lastFiniteModel;
    }

    /// <summary>The step whose loss is not finite.</summary>
    public int Step { get; }

    /// <summary>The non-finite loss.</summary>
    public double Loss { get; }

    /// <summary>The last model whose loss was finite (the model of the step before <see cref="Step"/>), or None at step 0.</summary>
    public Option<Mlp> LastFiniteModel { get; }
}

/// <summary>Training as a lazy sequence of immutable step records.</summary>
public static class Training
{
    /// <summary>
    /// The objective of one step, exactly as micrograd's demo builds it: the model's score for each
    /// sample (inputs as fresh leaves), loss = mean per-sample loss + α·Σp², and the accuracy of
    /// the same scores.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="batch">The samples.</param>
    /// <param name="loss">The per-sample loss.</param>
    /// <param name="l2">The L2 strength α.</param>
    [Pure]
    public static (Value Loss, double Accuracy) Objective(Mlp model, Dataset batch, Loss loss, double l2)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(loss);
        if (model.Outputs != 1)
        {
            throw new ArgumentException($"Binary classification needs a model with 1 output; this one has {model.Outputs}.", nameof(model));
        }

        var scores = batch.Features.Select(row => model.Forward(row)[0]).ToArray();
        var dataLoss = loss.Mean(scores, batch.Labels);
        var accuracy = Loss.Accuracy([.. scores.Select(s => s.Primal)], batch.Labels);
        return (dataLoss + Loss.L2(model.Parameters, l2), accuracy);
    }

    /// <summary>
    /// Trains lazily: each enumeration step builds the objective's graph, differentiates it, and
    /// applies the optimizer, yielding a <see cref="TrainingStep"/>. The input model is never
    /// changed; take <c>.Last().Model</c> for the trained one, and compose with LINQ
    /// (<c>TakeWhile</c>, <c>Where</c>, …) to stop early or log.
    /// </summary>
    /// <param name="model">The initial model.</param>
    /// <param name="data">The training set.</param>
    /// <param name="options">How to train; <see cref="TrainingOptions.Micrograd"/> reproduces micrograd's demo.</param>
    /// <param name="cancellation">Checked before each step; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="TrainingDivergedException">A step's loss is NaN or infinite (thrown when that step is reached).</exception>
    public static IEnumerable<TrainingStep> Train(this Mlp model, Dataset data, TrainingOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Steps, "options.Steps");
        if (data.FeatureCount != model.Inputs)
        {
            throw new ArgumentException($"The data has {data.FeatureCount} features but the model takes {model.Inputs} inputs.", nameof(data));
        }

        return Steps(model, data, options, cancellation);
    }

    private static IEnumerable<TrainingStep> Steps(Mlp model, Dataset data, TrainingOptions options, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var state = options.Optimizer.Start(model.Parameters.Length);
        var lastFinite = Option<Mlp>.None;
        var step = StepFunction(model, data, options);
        for (var k = 0; k < options.Steps; k++)
        {
            cancellation.ThrowIfCancellationRequested();
            var (loss, accuracy, gradients) = step(model, options.Batch?.Invoke(k) ?? data);
            if (!double.IsFinite(loss))
            {
                throw new TrainingDivergedException(k, loss, lastFinite);
            }

            var rate = options.Optimizer.LearningRate.At(state.Step);
            (var parameters, state) = options.Optimizer.Step(model.ParameterValues(), gradients, state);
            lastFinite = Some(model);
            model = model.WithParameters(parameters.AsSpan());
            yield return new TrainingStep(k, loss, accuracy, rate, clock.Elapsed, model);
        }
    }

    /// <summary>One step's loss, accuracy and gradient for a model and a batch, by the chosen engine.</summary>
    private delegate (double Loss, double Accuracy, ImmutableArray<double> Gradient) Step(Mlp model, Dataset batch);

    private static Step StepFunction(Mlp shape, Dataset data, TrainingOptions options) => options.Engine switch
    {
        TrainingEngine.Graph => (model, batch) =>
        {
            var (loss, accuracy) = Objective(model, batch, options.Loss, options.L2);
            return (loss.Data, accuracy, [.. loss.Backward().For(model.Parameters)]);
        },
        _ when options.Batch is null => WholeBatch(shape, data, options),
        _ => PerSample(shape, options),
    };

    /// <summary>The full-batch objective compiled once, the data frozen as constants: the graph engine's numbers, bit for bit.</summary>
    private static Step WholeBatch(Mlp shape, Dataset data, TrainingOptions options)
    {
        var objective = Compiler.Compile(p => Objective(shape.WithParameterNodes(p), data, options.Loss, options.L2).Loss, shape.Parameters.Length);
        return (model, batch) =>
        {
            var gradient = new double[model.Parameters.Length];
            var loss = objective.ValueAndGrad(model.ParameterValues().AsSpan(), gradient);
            return (loss, Accuracy(model, batch), [.. gradient]);
        };
    }

    /// <summary>
    /// Minibatches: each sample's loss compiled once per class label (inputs: the parameters, then the
    /// features), summed over the batch in parallel by <see cref="DataParallel"/>, plus the compiled L2
    /// penalty. Equal to the graph engine's objective up to rounding (the sums are grouped differently).
    /// </summary>
    private static Step PerSample(Mlp shape, TrainingOptions options)
    {
        var count = shape.Parameters.Length;
        var perLabel = new[] { 0, 1 }.Select(label => Compiler.Compile(
            inputs => options.Loss.Of(shape.WithParameterNodes(inputs[..count]).Forward(inputs[count..])[0], label),
            count + shape.Inputs)).ToArray();
        var penalty = Compiler.Compile(p => Loss.L2(p, options.L2), count);
        return (model, batch) =>
        {
            var parameters = model.ParameterValues().AsSpan();
            var gradient = new double[count];
            var sum = DataParallel.SumValueAndGrad(parameters, batch.Count, i => (perLabel[batch.Labels[i]], batch.Features[i]), gradient);
            var l2 = new double[count];
            var regularization = penalty.ValueAndGrad(parameters, l2);
            return (sum / batch.Count + regularization, Accuracy(model, batch), [.. gradient.Select((g, j) => g / batch.Count + l2[j])]);
        };
    }

    /// <summary>The fraction of <paramref name="data"/> that <paramref name="model"/> classifies correctly, from its scores on plain doubles (no graph).</summary>
    /// <param name="model">A model with one output.</param>
    /// <param name="data">The rows to classify.</param>
    [Pure]
    public static double Accuracy(Mlp model, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        return Loss.Accuracy([.. data.Features.Select(row => model.Evaluate(row.AsSpan())[0])], data.Labels);
    }
}
