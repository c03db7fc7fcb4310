using System.Runtime.ExceptionServices;

namespace Micrograd.Functional;

/// <summary>
/// A large batch in chunks of <see cref="ChunkSize"/> samples on the thread pool. The chunks are fixed by the batch size
/// alone and their sums are added in a fixed order, so the bits do not depend on the number of threads.
/// </summary>
public sealed partial class BatchedFunction
{
    /// <summary>
    /// Samples per chunk of a large batch: 1,024. A batch of at most this many samples runs on the calling thread and its
    /// shared gradients add the samples one by one, last to first. A larger one runs its chunks on the thread pool; each
    /// chunk adds its own samples last to first, and the chunks' sums are then added last chunk first onto the gradient so far.
    /// </summary>
    public const int ChunkSize = 1024;

    [ThreadStatic]
    private static double[]? t_chunkSums;

    private unsafe void RunChunks(ReadOnlySpan<double> shared, ReadOnlySpan<double> samples, Span<double> outputs, Gradient gradient, Span<double> probes)
    {
        var (count, chunks, width, probeCount, sharedCount) = (outputs.Length, (outputs.Length + ChunkSize - 1) / ChunkSize, SampleWidth, _plan.Probes.Length, SharedCount);
        var sums = CompiledFunction.Scratch(ref t_chunkSums, gradient.Wanted ? chunks * sharedCount : 0);
        fixed (double* pShared = shared, pSamples = samples, pOutputs = outputs, pSums = sums, pSampleGradients = gradient.Samples, pProbes = probes)
        {
            var (wanted, cotangent, perSample) = (gradient.Wanted, gradient.Cotangent, !gradient.Samples.IsEmpty);
            var (a, b, c, d, e, f) = ((nint)pShared, (nint)pSamples, (nint)pOutputs, (nint)pSums, (nint)pSampleGradients, (nint)pProbes);
            try
            {
                Parallel.For(0, chunks, k =>
                {
                    var first = k * ChunkSize;
                    var n = Math.Min(ChunkSize, count - first);
                    var part = new Span<double>((double*)d + k * sharedCount, wanted ? sharedCount : 0);
                    var chunkGradient = wanted
                        ? new Gradient(cotangent, [], part, perSample ? new Span<double>((double*)e + first * width, n * width) : [])
                        : default;
                    RunBlocks(new ReadOnlySpan<double>((double*)a, sharedCount), new ReadOnlySpan<double>((double*)b + first * width, n * width),
                        new Span<double>((double*)c + first, n), chunkGradient, probeCount > 0 && f != 0 ? new Span<double>((double*)f + first * probeCount, n * probeCount) : []);
                });
            }
            catch (AggregateException failure) // a custom op threw: the first error, as a loop on one thread would throw it
            {
                ExceptionDispatchInfo.Capture(failure.InnerExceptions[0]).Throw();
            }
        }

        if (!gradient.Wanted)
        {
            return;
        }

        for (var s = 0; s < sharedCount; s++)
        {
            var total = gradient.SoFar.IsEmpty ? 0.0 : gradient.SoFar[s];
            if (_plan.Reached[s])
            {
                total = gradient.SoFar.IsEmpty ? sums[(chunks - 1) * sharedCount + s] : total + sums[(chunks - 1) * sharedCount + s];
                for (var k = chunks - 2; k >= 0; k--)
                {
                    total += sums[k * sharedCount + s];
                }
            }

            gradient.Shared[s] = total;
        }
    }
}
