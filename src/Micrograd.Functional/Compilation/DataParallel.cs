namespace Micrograd.Functional;

/// <summary>
/// Sums per-sample values and gradients of compiled functions on parallel threads, deterministically:
/// the samples are cut into a fixed number of chunks, each chunk is summed in sample order into its
/// own buffer, and the chunks are added in chunk order. Which thread runs which chunk never changes
/// the result, so two runs give the same bits on any machine.
/// </summary>
public static class DataParallel
{
    /// <summary>The number of chunks when none is given: fixed, so results do not depend on the core count.</summary>
    public const int DefaultChunks = 16;

    /// <summary>
    /// Σᵢ fᵢ(parameters ++ dataᵢ) and its gradient with respect to the parameters, over
    /// <paramref name="samples"/> samples, where <paramref name="sample"/>(i) gives sample i's compiled
    /// function and data (the function's inputs are the parameters followed by the data).
    /// </summary>
    /// <param name="parameters">The shared leading inputs.</param>
    /// <param name="samples">The number of samples.</param>
    /// <param name="sample">Sample i's function and trailing inputs.</param>
    /// <param name="gradient">Receives Σᵢ ∂fᵢ/∂parameters.</param>
    /// <param name="chunks">The number of chunks (default <see cref="DefaultChunks"/>).</param>
    /// <returns>Σᵢ fᵢ.</returns>
    public static double SumValueAndGradient(
        ReadOnlySpan<double> parameters, int samples, Func<int, (CompiledFunction Function, double[] Data)> sample, Span<double> gradient, int chunks = DefaultChunks)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunks, 1);
        if (gradient.Length != parameters.Length)
        {
            throw new ArgumentException($"The gradient span has {gradient.Length} entries for {parameters.Length} parameters.", nameof(gradient));
        }

        var p = parameters.ToArray();
        var count = Math.Min(chunks, Math.Max(samples, 1));
        var sums = new double[count][];
        var values = new double[count];
        Parallel.For(0, count, k =>
        {
            var sum = sums[k] = new double[p.Length];
            double[] inputs = [], g = []; // one pair per chunk, reallocated only if a sample's width differs
            for (var i = k * samples / count; i < (k + 1) * samples / count; i++)
            {
                var (function, data) = sample(i);
                if (inputs.Length != p.Length + data.Length)
                {
                    (inputs, g) = (new double[p.Length + data.Length], new double[p.Length + data.Length]);
                    p.CopyTo(inputs, 0);
                }

                data.CopyTo(inputs, p.Length);
                values[k] += function.ValueAndGradient(inputs, g);
                for (var j = 0; j < p.Length; j++)
                {
                    sum[j] += g[j];
                }
            }
        });

        gradient.Clear();
        var total = 0.0;
        for (var k = 0; k < count; k++)
        {
            total += values[k];
            for (var j = 0; j < gradient.Length; j++)
            {
                gradient[j] += sums[k][j];
            }
        }

        return total;
    }
}
