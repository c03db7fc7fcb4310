using System.Globalization;

namespace Micrograd.Playground.Training;

/// <summary>
/// The training page's hook texts, in the fixed formats a browser test reads: the step as micrograd prints it
/// (<c>step 99</c>, 0-based), the loss round-trip (<c>R</c>), the accuracy as a percentage to at most 4 decimals, the
/// times in milliseconds.
/// </summary>
public static class TrainingReadout
{
    /// <summary>The last completed step's number (<c>99</c> when 100 steps are done), or empty before the first.</summary>
    /// <param name="session">The run.</param>
    public static string Step(TrainingSession session) => session.Last?.Step.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>That step's loss, round-trip (<c>0.010978370135492717</c>), or empty.</summary>
    /// <param name="session">The run.</param>
    public static string Loss(TrainingSession session) => session.Last?.Loss.ToString("R", CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// That step's accuracy as a percentage to at most 4 decimals, <c>100%</c>, <c>57%</c> or <c>66.6667%</c>, or empty
    /// (57 of 100 is 0.57, and 0.57·100 is 56.99999999999999 in doubles: rounding shows the number a reader expects).
    /// </summary>
    /// <param name="session">The run.</param>
    public static string Accuracy(TrainingSession session) =>
        session.Last is { } last ? (last.Accuracy * 100).ToString("0.####", CultureInfo.InvariantCulture) + "%" : "";

    /// <summary>idle, running, paused, done, or the divergence message (it names the step).</summary>
    /// <param name="session">The run.</param>
    public static string Status(TrainingSession session) => session.Status switch
    {
        SessionStatus.Diverged => session.DivergenceMessage!,
        var s => s.ToString().ToLowerInvariant(),
    };

    /// <summary>The wall time of the run so far (paused time excluded), whole milliseconds.</summary>
    /// <param name="session">The run.</param>
    public static string ElapsedMs(TrainingSession session) => WholeMs(session.Timings.ElapsedMs);

    /// <summary>The time inside the library's steps, whole milliseconds.</summary>
    /// <param name="session">The run.</param>
    public static string ComputeMs(TrainingSession session) => WholeMs(session.Timings.ComputeMs);

    /// <summary>The median step time in milliseconds with 3 decimals.</summary>
    /// <param name="session">The run.</param>
    public static string StepMs(TrainingSession session) => session.Timings.MedianStepMs.ToString("F3", CultureInfo.InvariantCulture);

    private static string WholeMs(double ms) => Math.Round(ms).ToString("F0", CultureInfo.InvariantCulture);
}
