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

/// <summary>Training stopped because the loss became NaN or infinite.</summary>
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

    /// <summary>The step whose loss is not finite.</summary>
    public int Step { get; }

    /// <summary>The non-finite loss.</summary>
    public double Loss { get; }

    /// <summary>The last model whose loss was finite (the model of the step before <see cref="Step"/>), or None at step 0.</summary>
    public Option<Mlp> LastFiniteModel { get; }
}
