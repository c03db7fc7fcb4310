namespace Micrograd.Playground.Training;

/// <summary>
/// When to redraw something expensive (the decision boundary's grid) during a run: at the first step, then at most
/// once per <see cref="Interval"/> of wall time, and always at the end so that the last picture is the final model's.
/// </summary>
public sealed class RedrawSchedule
{
    private TimeSpan? last;

    /// <summary>A schedule of at most one redraw per <paramref name="interval"/>.</summary>
    /// <param name="interval">The least time between two redraws, e.g. 150 ms.</param>
    public RedrawSchedule(TimeSpan interval) => Interval = interval;

    /// <summary>The least time between two redraws.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Whether to redraw now; a true answer counts as a redraw at <paramref name="now"/>.</summary>
    /// <param name="now">The run's clock.</param>
    /// <param name="final">True at the end of the run (done, diverged or paused): always redraw.</param>
    public bool Due(TimeSpan now, bool final)
    {
        if (final || last is null || now - last.Value >= Interval)
        {
            last = now;
            return true;
        }

        return false;
    }
}
