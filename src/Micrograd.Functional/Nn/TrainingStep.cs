using LanguageExt;

namespace Micrograd.Functional.Nn;

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

/// <summary>Training stopped because the loss, or a parameter after an update, became NaN or infinite.</summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for a non-finite loss at <paramref name="step"/>.</summary>
    /// <param name="step">The step whose loss is not finite.</param>
    /// <param name="loss">That loss.</param>
    /// <param name="lastFiniteModel">The last model whose loss was finite, if any step had one.</param>
    public TrainingDivergedException(int step, double loss, Option<Mlp> lastFiniteModel)
        : base(FormattableString.Invariant($"Training diverged at step {step}: the loss is {loss}. ") +
               lastFiniteModel.Match(Some: _ => $"The model of step {step - 1}, the last with a finite loss, is kept in LastFiniteModel.", None: () => "No step had a finite loss: check the initial model and the data; a smaller learning rate often helps."))
    {
        Step = step;
        Loss = loss;
        LastFiniteModel = lastFiniteModel;
    }

    /// <summary>Creates the exception for an update at <paramref name="step"/> that made a parameter NaN or infinite, though the step's loss was finite.</summary>
    /// <param name="step">The step whose update went out of the finite numbers.</param>
    /// <param name="loss">The step's loss, computed before the update (finite).</param>
    /// <param name="parameter">The index of the first parameter that is not finite after the update.</param>
    /// <param name="value">Its value after the update.</param>
    /// <param name="lastFiniteModel">The model the step started from: finite parameters and a finite loss.</param>
    public TrainingDivergedException(int step, double loss, int parameter, double value, Mlp lastFiniteModel)
        : base(FormattableString.Invariant($"Training diverged at step {step}: its update made parameter {parameter} {value} (the loss before the update was {loss}); a smaller learning rate often helps. ") +
               $"The model step {step} started from, the last with finite parameters, is kept in LastFiniteModel.")
    {
        ArgumentNullException.ThrowIfNull(lastFiniteModel);
        Step = step;
        Loss = loss;
        NonFiniteParameter = parameter;
        NonFiniteValue = value;
        LastFiniteModel = lastFiniteModel;
    }

    /// <summary>The step whose loss, or whose update, is not finite.</summary>
    public int Step { get; }

    /// <summary>The step's loss: NaN or infinite when the loss diverged; finite when the update did (see <see cref="NonFiniteParameter"/>).</summary>
    public double Loss { get; }

    /// <summary>The index of the first parameter the update made NaN or infinite, or None when the loss diverged.</summary>
    public Option<int> NonFiniteParameter { get; }

    /// <summary>The value (NaN or ±∞) of <see cref="NonFiniteParameter"/> after the update, or None when the loss diverged.</summary>
    public Option<double> NonFiniteValue { get; }

    /// <summary>
    /// The last model with finite parameters and a finite loss: when the loss diverged, the model of the step before
    /// <see cref="Step"/> (None at step 0); when the update did, the model <see cref="Step"/> started from.
    /// </summary>
    public Option<Mlp> LastFiniteModel { get; }
}
