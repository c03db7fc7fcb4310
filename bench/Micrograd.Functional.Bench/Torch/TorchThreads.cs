using System.Diagnostics;
using static TorchSharp.torch;

namespace Micrograd.Functional.Bench.Torch;

/// <summary>Sets libtorch's intra-op thread count, which is process-wide, for the benchmark about to run.</summary>
public static class TorchThreads
{
    /// <summary>
    /// Sets the thread count to <paramref name="threads"/>, checks that libtorch took it, runs
    /// <paramref name="check"/> (an agreement check at that count, returning its largest difference) and logs
    /// both, with what one <c>set_num_threads</c> call costs (measured over 1,000 calls).
    /// </summary>
    /// <param name="threads">The intra-op thread count, at least 1.</param>
    /// <param name="check">The agreement check to run at that count.</param>
    /// <exception cref="InvalidOperationException">libtorch reports another thread count afterwards.</exception>
    public static void Use(int threads, Func<double> check)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        const int calls = 1_000;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            set_num_threads(threads);
        }

        var perCall = clock.Elapsed.TotalNanoseconds / calls;
        if (get_num_threads() != threads)
        {
            throw new InvalidOperationException($"libtorch runs {get_num_threads()} threads after set_num_threads({threads}).");
        }

        var difference = check();
        Console.WriteLine(
            $"// libtorch: {threads} intra-op thread(s) (default {TorchDemoStep.DefaultThreads}); set_num_threads costs {perCall:F0} ns a call; " +
            $"agreement at this count {difference:E1}");
    }
}
