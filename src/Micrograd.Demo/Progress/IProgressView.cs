using System.Collections.Immutable;
using Micrograd.Functional.Nn;

namespace Micrograd.Demo.Progress;

/// <summary>Shows training as it runs: a live bar on a terminal, plain lines otherwise.</summary>
public interface IProgressView
{
    /// <summary>Runs the lazy training sequence to its end, showing each step as it completes.</summary>
    /// <param name="steps">The training steps, computed as they are enumerated.</param>
    /// <param name="total">How many steps the sequence will yield.</param>
    /// <returns>Every step, in order.</returns>
    ImmutableArray<TrainingStep> Track(IEnumerable<TrainingStep> steps, int total);
}
