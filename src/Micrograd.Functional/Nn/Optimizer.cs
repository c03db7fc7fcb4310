using System.Collections.Immutable;
using System.Diagnostics.Contracts;

namespace Micrograd.Functional.Nn;

/// <summary>What an optimizer carries from one step to the next (its step count, and moments where it has them).</summary>
/// <param name="Step">The number of steps taken so far.</param>
public abstract record OptimizerState(int Step);

/// <summary>
/// An optimizer as a pure state transition: (parameters, gradients, state) → (parameters, state).
/// Nothing is mutated; calling <see cref="Step"/> twice with the same arguments gives the same result.
/// </summary>
public abstract record Optimizer
{
    /// <summary>The learning-rate schedule.</summary>
    public abstract LearningRate LearningRate { get; init; }

    /// <summary>The optimizer's short name: <c>sgd</c>, <c>momentum</c> or <c>adam</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The state before the first step, for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">The number of parameters.</param>
    [Pure]
    public abstract OptimizerState Start(int parameterCount);

    /// <summary>Takes one step: returns the new parameters and the new state.</summary>
    /// <param name="parameters">The current parameters.</param>
    /// <param name="gradients">∂loss/∂parameter, in the same order.</param>
    /// <param name="state">The state returned by <see cref="Start"/> or by the previous step.</param>
    /// <exception cref="ArgumentException">The lengths differ, or the state belongs to another optimizer or size.</exception>
    [Pure]
    public (ImmutableArray<double> Parameters, OptimizerState State) Step(
        ImmutableArray<double> parameters, ImmutableArray<double> gradients, OptimizerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (parameters.Length != gradients.Length)
        {
            throw new ArgumentException($"There are {parameters.Length} parameters but {gradients.Length} gradients.", nameof(gradients));
        }

        return Update(parameters, gradients, state, LearningRate.At(state.Step));
    }

    /// <summary>The update rule proper, given this step's learning rate.</summary>
    private protected abstract (ImmutableArray<double>, OptimizerState) Update(
        ImmutableArray<double> parameters, ImmutableArray<double> gradients, OptimizerState state, double rate);

    /// <summary>Checks that <paramref name="state"/> was made by this optimizer for this many parameters.</summary>
    private protected TState Expect<TState>(OptimizerState state, int parameterCount, Func<TState, int> size)
        where TState : OptimizerState =>
        state is TState typed && size(typed) == parameterCount
            ? typed
            : throw new ArgumentException($"The state {state.GetType().Name} does not belong to {Name} over {parameterCount} parameters.", nameof(state));
}

/// <summary>Plain gradient descent, micrograd's update: p ← p − η(k)·g.</summary>
/// <param name="LearningRate">The schedule η(k).</param>
public sealed record Sgd(LearningRate LearningRate) : Optimizer
{
    /// <summary>The state of SGD: only the step count.</summary>
    /// <param name="Step">The number of steps taken so far.</param>
    public sealed record State(int Step) : OptimizerState(Step);

    /// <inheritdoc/>
    public override string Name => "sgd";

    /// <inheritdoc/>
    public override OptimizerState Start(int parameterCount) => new State(0);

    private protected override (ImmutableArray<double>, OptimizerState) Update(
        ImmutableArray<double> p, ImmutableArray<double> g, OptimizerState state, double rate)
    {
        var s = state as State ?? throw new ArgumentException($"The state {state.GetType().Name} does not belong to sgd.", nameof(state));
        return ([.. p.Select((x, i) => x - rate * g[i])], new State(s.Step + 1));
    }
}

/// <summary>Gradient descent with momentum (PyTorch's form): v ← μ·v + g, then p ← p − η(k)·v.</summary>
/// <param name="LearningRate">The schedule η(k).</param>
/// <param name="Beta">The momentum μ, in [0, 1).</param>
public sealed record Momentum(LearningRate LearningRate, double Beta = 0.9) : Optimizer
{
    /// <summary>The state of momentum: the step count and the velocity v.</summary>
    /// <param name="Step">The number of steps taken so far.</param>
    /// <param name="Velocity">One velocity per parameter.</param>
    public sealed record State(int Step, ImmutableArray<double> Velocity) : OptimizerState(Step);

    /// <inheritdoc/>
    public override string Name => "momentum";

    /// <inheritdoc/>
    public override OptimizerState Start(int parameterCount) => new State(0, [.. new double[parameterCount]]);

    private protected override (ImmutableArray<double>, OptimizerState) Update(
        ImmutableArray<double> p, ImmutableArray<double> g, OptimizerState state, double rate)
    {
        var s = Expect<State>(state, p.Length, x => x.Velocity.Length);
        ImmutableArray<double> v = [.. s.Velocity.Select((vi, i) => Beta * vi + g[i])];
        return ([.. p.Select((x, i) => x - rate * v[i])], new State(s.Step + 1, v));
    }
}

/// <summary>
/// Adam (Kingma and Ba; PyTorch's form), with t = k + 1:
/// m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), p ← p − η(k)·m̂/(√v̂ + ε).
/// </summary>
/// <param name="LearningRate">The schedule η(k).</param>
/// <param name="Beta1">β₁, the decay of the first moment.</param>
/// <param name="Beta2">β₂, the decay of the second moment.</param>
/// <param name="Epsilon">ε, added to √v̂ for stability.</param>
public sealed record Adam(LearningRate LearningRate, double Beta1 = 0.9, double Beta2 = 0.999, double Epsilon = 1e-8) : Optimizer
{
    /// <summary>The state of Adam: the step count and the moment estimates.</summary>
    /// <param name="Step">The number of steps taken so far.</param>
    /// <param name="M">The first moment m, one per parameter.</param>
    /// <param name="V">The second moment v, one per parameter.</param>
    public sealed record State(int Step, ImmutableArray<double> M, ImmutableArray<double> V) : OptimizerState(Step);

    /// <inheritdoc/>
    public override string Name => "adam";

    /// <inheritdoc/>
    public override OptimizerState Start(int parameterCount) =>
        new State(0, [.. new double[parameterCount]], [.. new double[parameterCount]]);

    private protected override (ImmutableArray<double>, OptimizerState) Update(
        ImmutableArray<double> p, ImmutableArray<double> g, OptimizerState state, double rate)
    {
        var s = Expect<State>(state, p.Length, x => x.M.Length);
        var t = s.Step + 1;
        ImmutableArray<double> m = [.. s.M.Select((mi, i) => Beta1 * mi + (1 - Beta1) * g[i])];
        ImmutableArray<double> v = [.. s.V.Select((vi, i) => Beta2 * vi + (1 - Beta2) * g[i] * g[i])];
        var (c1, c2) = (1 - Math.Pow(Beta1, t), 1 - Math.Pow(Beta2, t));
        return ([.. p.Select((x, i) => x - rate * (m[i] / c1) / (Math.Sqrt(v[i] / c2) + Epsilon))], new State(t, m, v));
    }
}
