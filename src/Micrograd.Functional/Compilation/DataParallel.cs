using System.Collections.Immutable;
using System.Runtime.InteropServices;

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
    /// <param name="chunks">The number of chunks (default <see cref="DefaultChunks"/>).</param>
    /// <returns>Σᵢ fᵢ and Σᵢ ∂fᵢ/∂parameters.</returns>
    public static (double Value, ImmutableArray<double> Grad) SumValueAndGrad(
        ImmutableArray<double> parameters, int samples, Func<int, (CompiledFunction Function, ImmutableArray<double> Data)> sample, int chunks = DefaultChunks)
    {
        if (parameters.IsDefault)
        {
            throw new ArgumentNullException(nameof(parameters), "The parameters are a default (uninitialised) ImmutableArray.");
        }

        var grad = new double[parameters.Length];
        var value = SumValueAndGrad(parameters.AsSpan(), samples, sample, grad, chunks);
        return (value, ImmutableCollectionsMarshal.AsImmutableArray(grad));
    }

    /// <summary>
    /// <see cref="SumValueAndGrad(ImmutableArray{double}, int, Func{int, ValueTuple{CompiledFunction, ImmutableArray{double}}}, int)"/>
    /// writing the gradient into a span the caller owns (the hot path of training).
    /// </summary>
    /// <param name="parameters">The shared leading inputs.</param>
    /// <param name="samples">The number of samples.</param>
    /// <param name="sample">Sample i's function and trailing inputs.</param>
    /// <param name="grad">Receives Σᵢ ∂fᵢ/∂parameters.</param>
    /// <param name="chunks">The number of chunks (default <see cref="DefaultChunks"/>).</param>
    /// <returns>Σᵢ fᵢ.</returns>
    /// <exception cref="ArgumentException"><paramref name="grad"/> has another length than <paramref name="parameters"/>, or a sample's function does not take the parameters and its data.</exception>
    public static double SumValueAndGrad(
        ReadOnlySpan<double> parameters, int samples, Func<int, (CompiledFunction Function, ImmutableArray<double> Data)> sample, Span<double> grad, int chunks = DefaultChunks)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunks, 1);
        if (grad.Length != parameters.Length)
        {
            throw new ArgumentException($"The gradient span has {grad.Length} entries for {parameters.Length} parameters.", nameof(grad));
        }

        var p = parameters.ToArray();
        var count = Math.Min(chunks, Math.Max(samples, 1));
        var sums = new double[count][];
        var values = new double[count];
        try
        {
            Sum(p, samples, count, sample, sums, values);
        }
        catch (AggregateException e) // Parallel.For's holds at least one
        {
            // One clear error (a failing sample's), as a single-threaded loop would throw, not one per chunk in an AggregateException.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        grad.Clear();
        var total = 0.0;
        for (var k = 0; k < count; k++)
        {
            total += values[k];
            for (var j = 0; j < grad.Length; j++)
            {
                grad[j] += sums[k][j];
            }
        }

        return total;
    }

    /// <summary>Each chunk's sums, in parallel: chunk k sums samples [k·n/count, (k+1)·n/count) in order into its own buffer.</summary>
    private static void Sum(double[] p, int samples, int count, Func<int, (CompiledFunction Function, ImmutableArray<double> Data)> sample, double[][] sums, double[] values) =>
        Parallel.For(0, count, k =>
        {
            var sum = sums[k] = new double[p.Length];
            double[] inputs = [], g = []; // one pair per chunk, reallocated only if a sample's width differs
            for (var i = k * samples / count; i < (k + 1) * samples / count; i++)
            {
                var (function, data) = sample(i);
                if (function is null || data.IsDefault || function.InputCount != p.Length + data.Length)
                {
                    throw new ArgumentException($"Sample {i}: its function must take the {p.Length} parameters followed by its data ({(data.IsDefault ? "none given" : data.Length)} values); it takes {function?.InputCount.ToString() ?? "nothing (null)"}.", nameof(sample));
                }

                if (inputs.Length != p.Length + data.Length)
                {
                    (inputs, g) = (new double[p.Length + data.Length], new double[p.Length + data.Length]);
                    p.CopyTo(inputs, 0);
                }

                data.CopyTo(inputs, p.Length);
                values[k] += function.ValueAndGrad(inputs, g);
                for (var j = 0; j < p.Length; j++)
                {
                    sum[j] += g[j];
                }
            }
        });

    /// <summary>Renamed <see cref="SumValueAndGrad(ReadOnlySpan{double}, int, Func{int, ValueTuple{CompiledFunction, ImmutableArray{double}}}, Span{double}, int)"/>, with the sample data as an ImmutableArray.</summary>
    /// <param name="parameters">The shared leading inputs.</param>
    /// <param name="samples">The number of samples.</param>
    /// <param name="sample">Sample i's function and trailing inputs.</param>
    /// <param name="gradient">Receives Σᵢ ∂fᵢ/∂parameters.</param>
    /// <param name="chunks">The number of chunks.</param>
    [Obsolete("Renamed SumValueAndGrad (the library says Grad everywhere), whose samples give their data as an ImmutableArray<double>. This forward goes in the next release.")]
    public static double SumValueAndGradient(
        ReadOnlySpan<double> parameters, int samples, Func<int, (CompiledFunction Function, double[] Data)> sample, Span<double> gradient, int chunks = DefaultChunks)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return SumValueAndGrad(parameters, samples, i => sample(i) is var (f, data) ? (f, ImmutableArray.Create(data)) : default, gradient, chunks);
    }
}
