using System.Globalization;

namespace Micrograd.Functional.Nn;

/// <summary>
/// A learning-rate schedule: the step size η(k) ≥ 0 at every step k ≥ 0. A schedule is checked when it
/// is built (also by a <c>with</c> expression): a negative, NaN or infinite rate, or a ramp shorter than
/// one step, throws <see cref="ArgumentOutOfRangeException"/> naming the parameter and its value.
/// </summary>
public abstract record LearningRate
{
    /// <summary>The learning rate at <paramref name="step"/>: finite and ≥ 0 for every step.</summary>
    /// <param name="step">The step, from 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public abstract double At(int step);

    /// <summary>η(k) = η for every k.</summary>
    public sealed record Constant : LearningRate
    {
        /// <summary>A constant rate.</summary>
        /// <param name="Rate">The rate, finite and ≥ 0.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="Rate"/> is negative, NaN or infinite.</exception>
        public Constant(double Rate) => this.Rate = Rate;

        /// <summary>The rate, finite and ≥ 0.</summary>
        public double Rate { get; init => field = Checked(value, nameof(Rate)); }

        /// <inheritdoc/>
        public override double At(int step)
        {
            Checked(step);
            return Rate;
        }

        /// <summary>The rate, e.g. <c>0.05</c>.</summary>
        public override string ToString() => Rate.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A straight line from start at step 0 to end at step <see cref="Steps"/>, then end for every later step:
    /// η(k) = start − (start − end)·k/steps for k &lt; steps, and η(k) = end for k ≥ steps.
    /// micrograd's demo uses Linear(1.0, 0.1, 100), i.e. 1.0 − 0.9·k/100.
    /// </summary>
    public sealed record Linear : LearningRate
    {
        /// <summary>A linear ramp from <paramref name="Start"/> to <paramref name="End"/> over <paramref name="Steps"/> steps.</summary>
        /// <param name="Start">The rate at step 0, finite and ≥ 0.</param>
        /// <param name="End">The rate from step <paramref name="Steps"/> on, finite and ≥ 0.</param>
        /// <param name="Steps">The length of the ramp, at least 1.</param>
        /// <exception cref="ArgumentOutOfRangeException">A rate is negative, NaN or infinite, or <paramref name="Steps"/> is below 1.</exception>
        public Linear(double Start, double End, int Steps)
        {
            this.Start = Start;
            this.End = End;
            this.Steps = Steps;
        }

        /// <summary>The rate at step 0, finite and ≥ 0.</summary>
        public double Start { get; init => field = Checked(value, nameof(Start)); }

        /// <summary>The rate at step <see cref="Steps"/> and after, finite and ≥ 0.</summary>
        public double End { get; init => field = Checked(value, nameof(End)); }

        /// <summary>The length of the ramp, at least 1.</summary>
        public int Steps
        {
            get;
            init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Steps), value, "A linear schedule needs a ramp of at least 1 step.");
        }

        /// <inheritdoc/>
        public override double At(int step) => Checked(step) < Steps ? Start - (Start - End) * step / Steps : End;

        /// <summary>The ramp, e.g. <c>1 → 0.1 over 100 steps</c>.</summary>
        public override string ToString() => FormattableString.Invariant($"{Start} → {End} over {Steps} steps");
    }

    /// <summary>micrograd's schedule for a run of <paramref name="steps"/> steps: 1.0 − 0.9·k/steps, then 0.1.</summary>
    /// <param name="steps">The number of steps (micrograd: 100), at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="steps"/> is below 1.</exception>
    public static LearningRate Micrograd(int steps = 100) => new Linear(1.0, 0.1, steps);

    /// <summary>A constant schedule: a plain number where a schedule is expected (<c>new Sgd(0.1)</c>).</summary>
    /// <param name="rate">The rate, finite and ≥ 0.</param>
    public static implicit operator LearningRate(double rate) => new Constant(rate);

    private static double Checked(double rate, string name) =>
        double.IsFinite(rate) && rate >= 0
            ? rate
            : throw new ArgumentOutOfRangeException(name, rate, "A learning rate must be a finite number ≥ 0.");

    private static int Checked(int step) =>
        step >= 0 ? step : throw new ArgumentOutOfRangeException(nameof(step), step, "Steps count from 0.");
}
