using System.Collections.Immutable;
using System.Globalization;

namespace Micrograd.Functional.Nn;

/// <summary>Plain gradient descent, micrograd's update: p ← p − η(k)·g.</summary>
/// <param name="LearningRate">The schedule η(k); a number means a constant rate (<c>new Sgd(0.1)</c>).</param>
/// <exception cref="ArgumentNullException"><paramref name="LearningRate"/> is null (also when set by <c>with</c>).</exception>
public sealed record Sgd(LearningRate LearningRate) : Optimizer<Sgd.State>
{
    /// <inheritdoc/>
    public override LearningRate LearningRate { get; init => field = Required(value); } = Required(LearningRate);

    /// <summary>The state of SGD: only the step count.</summary>
    /// <param name="Step">The number of steps taken so far.</param>
    public sealed record State(int Step) : OptimizerState(Step)
    {
        /// <summary>E.g. <c>Sgd.State(step=3)</c>.</summary>
        public override string ToString() => $"Sgd.State(step={Step})";
    }

    /// <inheritdoc/>
    public override string Name => "sgd";

    /// <inheritdoc/>
    public override State Start(int parameterCount) => new(0);

    /// <summary>E.g. <c>Sgd(lr 1 → 0.1 over 100 steps)</c>.</summary>
    public override string ToString() => $"Sgd(lr {LearningRate})";

    /// <inheritdoc/>
    protected override (ImmutableArray<double> Parameters, State State) Update(
        ImmutableArray<double> parameters, ImmutableArray<double> grads, State state, double rate) =>
        ([.. parameters.Select((p, i) => p - rate * grads[i])], new State(state.Step + 1));

    /// <inheritdoc/>
    protected override int? SizeOf(State state) => null;
}

/// <summary>Gradient descent with momentum (PyTorch's form): v ← μ·v + g, then p ← p − η(k)·v.</summary>
/// <param name="LearningRate">The schedule η(k); a number means a constant rate (<c>new Momentum(0.1, 0.9)</c>).</param>
/// <param name="Beta">The momentum μ, in [0, 1).</param>
/// <exception cref="ArgumentNullException"><paramref name="LearningRate"/> is null (also when set by <c>with</c>).</exception>
/// <exception cref="ArgumentOutOfRangeException"><paramref name="Beta"/> is outside [0, 1) or NaN (also when set by <c>with</c>).</exception>
public sealed record Momentum(LearningRate LearningRate, double Beta = 0.9) : Optimizer<Momentum.State>
{
    /// <inheritdoc/>
    public override LearningRate LearningRate { get; init => field = Required(value); } = Required(LearningRate);

    /// <summary>The momentum μ, in [0, 1).</summary>
    public double Beta { get; init => field = Decay(value, nameof(Beta)); } = Decay(Beta, nameof(Beta));

    /// <summary>The state of momentum: the step count and the velocity v.</summary>
    /// <param name="Step">The number of steps taken so far.</param>
    /// <param name="Velocity">One velocity per parameter.</param>
    public sealed record State(int Step, ImmutableArray<double> Velocity) : OptimizerState(Step)
    {
        /// <summary>E.g. <c>Momentum.State(step=3, 337 velocities)</c>.</summary>
        public override string ToString() => $"Momentum.State(step={Step}, {(Velocity.IsDefault ? 0 : Velocity.Length)} velocities)";
    }

    /// <inheritdoc/>
    public override string Name => "momentum";

    /// <inheritdoc/>
    public override State Start(int parameterCount) => new(0, [.. new double[parameterCount]]);

    /// <summary>E.g. <c>Momentum(lr 0.1, β 0.9)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Momentum(lr {LearningRate}, β {Beta})");

    /// <inheritdoc/>
    protected override (ImmutableArray<double> Parameters, State State) Update(
        ImmutableArray<double> parameters, ImmutableArray<double> grads, State state, double rate)
    {
        ImmutableArray<double> v = [.. state.Velocity.Select((vi, i) => Beta * vi + grads[i])];
        return ([.. parameters.Select((p, i) => p - rate * v[i])], new State(state.Step + 1, v));
    }

    /// <inheritdoc/>
    protected override int? SizeOf(State state) => state.Velocity.IsDefault ? 0 : state.Velocity.Length;
}

/// <summary>
/// Adam (Kingma and Ba; PyTorch's form), with t = k + 1:
/// m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), p ← p − η(k)·m̂/(√v̂ + ε).
/// </summary>
/// <param name="LearningRate">The schedule η(k); a number means a constant rate (<c>new Adam(0.01)</c>).</param>
/// <param name="Beta1">β₁, the decay of the first moment, in [0, 1).</param>
/// <param name="Beta2">β₂, the decay of the second moment, in [0, 1).</param>
/// <param name="Epsilon">ε, added to √v̂ for stability, finite and &gt; 0.</param>
/// <exception cref="ArgumentNullException"><paramref name="LearningRate"/> is null (also when set by <c>with</c>).</exception>
/// <exception cref="ArgumentOutOfRangeException">A β is outside [0, 1) or NaN, or ε is not finite and &gt; 0 (also when set by <c>with</c>).</exception>
public sealed record Adam(LearningRate LearningRate, double Beta1 = 0.9, double Beta2 = 0.999, double Epsilon = 1e-8) : Optimizer<Adam.State>
{
    /// <inheritdoc/>
    public override LearningRate LearningRate { get; init => field = Required(value); } = Required(LearningRate);

    /// <summary>β₁, the decay of the first moment, in [0, 1) (1 would divide by 1 − β₁ᵗ = 0).</summary>
    public double Beta1 { get; init => field = Decay(value, nameof(Beta1)); } = Decay(Beta1, nameof(Beta1));

    /// <summary>β₂, the decay of the second moment, in [0, 1).</summary>
    public double Beta2 { get; init => field = Decay(value, nameof(Beta2)); } = Decay(Beta2, nameof(Beta2));

    /// <summary>ε, added to √v̂ for stability, finite and &gt; 0.</summary>
    public double Epsilon { get; init => field = Positive(value); } = Positive(Epsilon);

    /// <summary>The state of Adam: the step count and the moment estimates.</summary>
    /// <param name="Step">The number of steps taken so far.</param>
    /// <param name="M">The first moment m, one per parameter.</param>
    /// <param name="V">The second moment v, one per parameter.</param>
    public sealed record State(int Step, ImmutableArray<double> M, ImmutableArray<double> V) : OptimizerState(Step)
    {
        /// <summary>E.g. <c>Adam.State(step=3, 337 moments)</c>.</summary>
        public override string ToString() => $"Adam.State(step={Step}, {(M.IsDefault ? 0 : M.Length)} moments)";
    }

    /// <inheritdoc/>
    public override string Name => "adam";

    /// <inheritdoc/>
    public override State Start(int parameterCount) => new(0, [.. new double[parameterCount]], [.. new double[parameterCount]]);

    /// <summary>E.g. <c>Adam(lr 0.01, β₁ 0.9, β₂ 0.999, ε 1E-08)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Adam(lr {LearningRate}, β₁ {Beta1}, β₂ {Beta2}, ε {Epsilon})");

    /// <inheritdoc/>
    protected override (ImmutableArray<double> Parameters, State State) Update(
        ImmutableArray<double> parameters, ImmutableArray<double> grads, State state, double rate)
    {
        var t = state.Step + 1;
        ImmutableArray<double> m = [.. state.M.Select((mi, i) => Beta1 * mi + (1 - Beta1) * grads[i])];
        ImmutableArray<double> v = [.. state.V.Select((vi, i) => Beta2 * vi + (1 - Beta2) * grads[i] * grads[i])];
        var (c1, c2) = (1 - Math.Pow(Beta1, t), 1 - Math.Pow(Beta2, t));
        return ([.. parameters.Select((p, i) => p - rate * (m[i] / c1) / (Math.Sqrt(v[i] / c2) + Epsilon))], new State(t, m, v));
    }

    private static double Positive(double epsilon) =>
        double.IsFinite(epsilon) && epsilon > 0
            ? epsilon
            : throw new ArgumentOutOfRangeException(nameof(Epsilon), epsilon, "Adam's ε must be a finite number > 0: it keeps m̂/(√v̂ + ε) finite where v̂ = 0.");

    /// <inheritdoc/>
    protected override int? SizeOf(State state)
    {
        var (m, v) = (state.M.IsDefault ? 0 : state.M.Length, state.V.IsDefault ? 0 : state.V.Length);
        return m == v ? m : throw new ArgumentException($"The state's moments differ in length: {m} first moments and {v} second moments.", nameof(state));
    }
}
