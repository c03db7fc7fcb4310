using System.Collections.Immutable;
using System.Diagnostics.Contracts;

namespace Micrograd.Functional.Nn;

/// <summary>What an optimizer carries from one step to the next (its step count, and moments where it has them).</summary>
/// <param name="Step">The number of steps taken so far.</param>
public abstract record OptimizerState(int Step);

/// <summary>
/// An optimizer, whatever its state: what <see cref="TrainingOptions.Optimizer"/> holds. To step by hand use
/// the typed <see cref="Optimizer{TState}"/> (<see cref="Sgd"/>, <see cref="Momentum"/>, <see cref="Adam"/>),
/// whose <c>Step</c> accepts only its own kind of state. (Only <see cref="Optimizer{TState}"/> can derive from it.)
/// </summary>
public abstract record Optimizer
{
    /// <summary>The learning-rate schedule.</summary>
    public abstract LearningRate LearningRate { get; init; }

    /// <summary>The optimizer's short name: <c>sgd</c>, <c>momentum</c> or <c>adam</c>.</summary>
    public abstract string Name { get; }

    /// <summary>A schedule, or <see cref="ArgumentNullException"/> naming <see cref="LearningRate"/>: what every optimizer's rate is checked with.</summary>
    private protected static LearningRate Required(LearningRate rate) =>
        rate ?? throw new ArgumentNullException(nameof(LearningRate), "An optimizer needs a learning-rate schedule; a number means a constant rate.");

    /// <summary>A decay rate β ∈ [0, 1) (NaN is not), or <see cref="ArgumentOutOfRangeException"/> naming <paramref name="name"/> and the value.</summary>
    private protected static double Decay(double beta, string name) =>
        beta is >= 0 and < 1 ? beta : throw new ArgumentOutOfRangeException(name, beta, "A decay rate β must be in [0, 1): at 1 or above the averages never forget and the steps grow without bound.");

    /// <summary>The untyped start, for training loops that hold any optimizer.</summary>
    internal abstract OptimizerState StartAny(int parameterCount);

    /// <summary>The untyped step, for training loops that pass back the state <see cref="StartAny"/> made.</summary>
    internal abstract (ImmutableArray<double> Parameters, OptimizerState State) StepAny(
        ImmutableArray<double> parameters, ImmutableArray<double> grads, OptimizerState state);
}

/// <summary>
/// An optimizer as a pure state transition: (parameters, gradients, state) → (parameters, state), where the
/// state's type is <typeparamref name="TState"/>, so another optimizer's state does not compile. Nothing is
/// mutated; calling <see cref="Step"/> twice with the same arguments gives the same result.
/// </summary>
/// <typeparam name="TState">The state this optimizer carries between steps.</typeparam>
public abstract record Optimizer<TState> : Optimizer
    where TState : OptimizerState
{
    /// <summary>The state before the first step, for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">The number of parameters, at least 0.</param>
    [Pure]
    public abstract TState Start(int parameterCount);

    /// <summary>Takes one step at the rate η(state.Step): returns the new parameters and the new state.</summary>
    /// <param name="parameters">The current parameters.</param>
    /// <param name="grads">∂loss/∂parameter, in the same order.</param>
    /// <param name="state">The state returned by <see cref="Start"/> or by the previous step.</param>
    /// <exception cref="ArgumentException">The lengths differ, or the state was started for another number of parameters.</exception>
    [Pure]
    public (ImmutableArray<double> Parameters, TState State) Step(
        ImmutableArray<double> parameters, ImmutableArray<double> grads, TState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (parameters.IsDefault || grads.IsDefault || parameters.Length != grads.Length)
        {
            throw new ArgumentException($"There are {Length(parameters)} parameters but {Length(grads)} gradients.", nameof(grads));
        }

        if (SizeOf(state) is { } size && size != parameters.Length)
        {
            throw new ArgumentException($"The state {state} was started for {size} parameters, not {parameters.Length}.", nameof(state));
        }

        return Update(parameters, grads, state, LearningRate.At(state.Step));
    }

    /// <summary>The update rule proper, given this step's learning rate; the lengths are already checked.</summary>
    /// <param name="parameters">The current parameters.</param>
    /// <param name="grads">The gradients, as many as the parameters.</param>
    /// <param name="state">The state, of the parameters' size.</param>
    /// <param name="rate">η(state.Step).</param>
    [Pure]
    protected abstract (ImmutableArray<double> Parameters, TState State) Update(
        ImmutableArray<double> parameters, ImmutableArray<double> grads, TState state, double rate);

    /// <summary>The number of parameters <paramref name="state"/> holds moments for, or null when it holds none.</summary>
    /// <param name="state">A state of this optimizer.</param>
    [Pure]
    protected abstract int? SizeOf(TState state);

    internal sealed override OptimizerState StartAny(int parameterCount) => Start(parameterCount);

    internal sealed override (ImmutableArray<double> Parameters, OptimizerState State) StepAny(
        ImmutableArray<double> parameters, ImmutableArray<double> grads, OptimizerState state) =>
        Step(parameters, grads, (TState)state);

    private static int Length(ImmutableArray<double> values) => values.IsDefault ? 0 : values.Length;
}
