using Micrograd.Functional.Nn;

namespace Micrograd.Demo.Progress;

/// <summary>Shows training as it runs: a live bar on a terminal, plain lines otherwise.</summary>
public interface IProgressView
{
    /// <summary>Runs the lazy training sequence to its end, showing each step as it completes.</summary>
    /// <param name="steps">The training steps, computed as they are enumerated.</param>
    /// <param name="total">How many steps the sequence will yield.</param>
    /// <returns>The run's history: each step's numbers and the trained model (no step's model is kept but the last).</returns>
    TrainingHistory Track(IEnumerable<TrainingStep> steps, int total);
}
