namespace Micrograd.Functional.Nn;

/// <summary>A learning-rate schedule: the step size η(k) at step k (from 0).</summary>
public abstract record LearningRate
{
    /// <summary>The learning rate at <paramref name="step"/>.</summary>
    /// <param name="step">The step, from 0.</param>
    public abstract double At(int step);

    /// <summary>η(k) = η.</summary>
    /// <param name="Rate">The constant rate.</param>
    public sealed record Constant(double Rate) : LearningRate
    {
        /// <inheritdoc/>
        public override double At(int step) => Rate;

        /// <inheritdoc/>
        public override string ToString() => $"{Rate}";
    }

    /// <summary>
    /// η(k) = start − (start − end)·k/steps: a straight line from start at step 0 to end at step
    /// <paramref name="Steps"/>. micrograd's demo uses Linear(1.0, 0.1, 100), i.e. 1.0 − 0.9·k/100.
    /// </summary>
    /// <param name="Start">The rate at step 0.</param>
    /// <param name="End">The rate at step <paramref name="Steps"/>.</param>
    /// <param name="Steps">The length of the ramp.</param>
    public sealed record Linear(double Start, double End, int Steps) : LearningRate
    {
        /// <inheritdoc/>
        public override double At(int step) => Start - (Start - End) * step / Steps;

        /// <inheritdoc/>
        public override string ToString() => $"{Start} → {End} over {Steps} steps";
    }

    /// <summary>micrograd's schedule for a run of <paramref name="steps"/> steps: 1.0 − 0.9·k/steps.</summary>
    /// <param name="steps">The number of steps (micrograd: 100).</param>
    public static LearningRate Micrograd(int steps = 100) => new Linear(1.0, 0.1, steps);
}
