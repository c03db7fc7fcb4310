namespace Micrograd.Playground.Training;

/// <summary>
/// When to redraw something expensive (the decision boundary's grid) during a run: at the first step, then only once
/// the wall time since the last redraw is at least <see cref="Interval"/> and at least <see cref="CostFactor"/> times
/// the last redraw's own cost (so that redrawing takes at most about 1/<see cref="CostFactor"/> of the run however slow
/// it is), and always at the end so that the last picture is the final model's.
/// </summary>
public sealed class RedrawSchedule
{
    private TimeSpan? last;
    private TimeSpan lastCost;

    /// <summary>A schedule of at most one redraw per <paramref name="interval"/>, spaced by <paramref name="costFactor"/> times a redraw's cost.</summary>
    /// <param name="interval">The least time between two redraws, e.g. 150 ms.</param>
    /// <param name="costFactor">The least time between two redraws as a multiple of the last one's cost, ≥ 1.</param>
    public RedrawSchedule(TimeSpan interval, double costFactor = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(costFactor, 1);
        Interval = interval;
        CostFactor = costFactor;
    }

    /// <summary>The least time between two redraws.</summary>
    public TimeSpan Interval { get; }

    /// <summary>The least time between two redraws as a multiple of the last redraw's cost.</summary>
    public double CostFactor { get; }

    /// <summary>Whether to redraw now; a true answer counts as a redraw at <paramref name="now"/>.</summary>
    /// <param name="now">The run's clock.</param>
    /// <param name="final">True at the end of the run (done, diverged or paused): always redraw.</param>
    public bool Due(TimeSpan now, bool final)
    {
        var gap = Interval > lastCost * CostFactor ? Interval : lastCost * CostFactor;
        if (final || last is null || now - last.Value >= gap)
        {
            last = now;
            return true;
        }

        return false;
    }

    /// <summary>Records what the redraw just made cost; the next one waits for <see cref="CostFactor"/> times that.</summary>
    /// <param name="cost">The redraw's wall time.</param>
    public void Record(TimeSpan cost) => lastCost = cost;
}
