using System.Diagnostics;

namespace Micrograd.Playground.Training;

/// <summary>
/// A run's clocks (<see cref="Stopwatch"/>, which works in WebAssembly): the wall time while the run is running (paused
/// time excluded), and each library step's own time, so the page can show how much of the wall time the steps take and
/// how much goes to drawing and yielding to the browser.
/// </summary>
public sealed class RunTimings
{
    private readonly Stopwatch wall = new();
    private readonly List<double> sorted = []; // the step times in order, kept sorted as they come (the page reads the median every step)
    private double computeMs;

    /// <summary>The wall time of the run so far while it was running, in milliseconds.</summary>
    public double ElapsedMs => wall.Elapsed.TotalMilliseconds;

    /// <summary>The time spent inside the library's training steps: the sum of the step times, in milliseconds.</summary>
    public double ComputeMs => computeMs;

    /// <summary>The median step time in milliseconds (the mean of the middle two for an even count), or 0 before the first step.</summary>
    public double MedianStepMs
    {
        get
        {
            if (sorted.Count == 0)
            {
                return 0;
            }

            var mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    /// <summary>The number of steps timed.</summary>
    public int Count => sorted.Count;

    /// <summary>Starts (or resumes) the wall clock.</summary>
    public void Run() => wall.Start();

    /// <summary>Stops the wall clock (pause, end or divergence).</summary>
    public void Stop() => wall.Stop();

    /// <summary>Runs <paramref name="step"/> and records its time.</summary>
    /// <param name="step">One library step.</param>
    /// <returns>What <paramref name="step"/> returned.</returns>
    public T Time<T>(Func<T> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var start = Stopwatch.GetTimestamp();
        try
        {
            return step();
        }
        finally
        {
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            computeMs += ms; // summed in step order, as before
            var at = sorted.BinarySearch(ms);
            sorted.Insert(at < 0 ? ~at : at, ms);
        }
    }
}
