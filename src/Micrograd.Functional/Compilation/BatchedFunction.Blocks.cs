using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Micrograd.Functional;

/// <summary>The batch cut into blocks: each block's samples in and outputs out, and the shared gradients summed over the blocks.</summary>
public sealed partial class BatchedFunction
{
    [ThreadStatic]
    private static double[]? t_uniforms;

    [ThreadStatic]
    private static double[]? t_values;

    [ThreadStatic]
    private static double[]? t_adjoints;

    [ThreadStatic]
    private static double[]? t_partials;

    /// <summary>What a gradient call asks for; default for a call that only evaluates.</summary>
    private readonly ref struct Gradient(double cotangent, ReadOnlySpan<double> soFar, Span<double> shared, Span<double> samples)
    {
        public readonly bool Wanted = true;
        public readonly double Cotangent = cotangent;
        public readonly ReadOnlySpan<double> SoFar = soFar;
        public readonly Span<double> Shared = shared;
        public readonly Span<double> Samples = samples;
    }

    /// <summary>Runs the batch: block by block on this thread, or, above <see cref="ChunkSize"/> samples, chunk by chunk on the thread pool.</summary>
    private void Run(ReadOnlySpan<double> shared, ReadOnlySpan<double> samples, Span<double> outputs, Gradient gradient, Span<double> probes)
    {
        if (outputs.Length > ChunkSize)
        {
            RunChunks(shared, samples, outputs, gradient, probes);
        }
        else
        {
            RunBlocks(shared, samples, outputs, gradient, probes);
        }
    }

    /// <summary>Runs the samples block by block, the last block first, so the shared gradients add the samples last to first.</summary>
    private void RunBlocks(ReadOnlySpan<double> shared, ReadOnlySpan<double> samples, Span<double> outputs, Gradient gradient, Span<double> probes)
    {
        var plan = _plan;
        var uniforms = CompiledFunction.Scratch(ref t_uniforms, plan.SharedCount + plan.Constants.Length);
        var values = CompiledFunction.Scratch(ref t_values, plan.ValueCount);
        var adjoints = gradient.Wanted ? CompiledFunction.Scratch(ref t_adjoints, plan.AdjointCount) : default;
        var partials = gradient.Wanted ? CompiledFunction.Scratch(ref t_partials, 2 * plan.Tape.Length * BlockSize) : default;
        shared.CopyTo(uniforms);
        plan.Constants.CopyTo(uniforms[plan.SharedCount..]);
        if (gradient.Wanted)
        {
            for (var s = 0; s < plan.SharedCount; s++)
            {
                gradient.Shared[s] = gradient.SoFar.IsEmpty ? 0.0 : gradient.SoFar[s];
            }
        }

        var width = plan.Width;
        var probeCount = probes.IsEmpty ? 0 : plan.Probes.Length;
        var started = !gradient.SoFar.IsEmpty; // whether the shared gradients hold a first term yet
        for (var start = (outputs.Length - 1) / BlockSize * BlockSize; start >= 0 && outputs.Length > 0; start -= BlockSize)
        {
            var count = Math.Min(BlockSize, outputs.Length - start);
            for (var j = 0; j < width; j++)
            {
                for (var lane = 0; lane < BlockSize; lane++) // lanes past the batch repeat its last sample
                {
                    values[j * BlockSize + lane] = samples[(start + Math.Min(lane, count - 1)) * width + j];
                }
            }

            Forward(plan, values, uniforms, partials, gradient.Wanted);
            for (var lane = 0; lane < count; lane++)
            {
                outputs[start + lane] = Get(values, uniforms, plan.Output, lane);
                for (var p = 0; p < probeCount; p++)
                {
                    probes[(start + lane) * plan.Probes.Length + p] = Get(values, uniforms, plan.Probes[p], lane);
                }
            }

            if (!gradient.Wanted)
            {
                continue;
            }

            Backward(plan, values, uniforms, adjoints, partials, gradient.Cotangent);
            Sum(plan, adjoints, gradient.Shared, count, started);
            started = true;
            for (var lane = 0; lane < count && !gradient.Samples.IsEmpty; lane++)
            {
                for (var j = 0; j < width; j++)
                {
                    gradient.Samples[(start + lane) * width + j] = plan.Reached[plan.SharedCount + j] ? adjoints[(plan.SharedCount + j) * BlockSize + lane] : 0.0;
                }
            }
        }
    }

    /// <summary>
    /// Adds a block's lanes, last first, onto the shared inputs' sums so far (or starts them from the block's last lane):
    /// each sum keeps the samples' order, last to first. Four inputs at a time, their lanes turned into rows of four
    /// sums, so the independent sums run side by side on vector lanes.
    /// </summary>
    private static void Sum(Plan plan, Span<double> adjoints, Span<double> sums, int count, bool started)
    {
        ref var adjoint = ref MemoryMarshal.GetReference(adjoints);
        ref var sum = ref MemoryMarshal.GetReference(sums);
        var quads = count == BlockSize && started && Avx.IsSupported ? plan.ReachedQuads : [];
        foreach (var s in quads)
        {
            ref var lanes = ref Unsafe.Add(ref adjoint, s * BlockSize);
            var total = Vector256.LoadUnsafe(ref sum, (nuint)s);
            for (var k = BlockSize - 4; k >= 0; k -= 4)
            {
                var (v0, v1, v2, v3) = (Vector256.LoadUnsafe(ref lanes, (nuint)k), Vector256.LoadUnsafe(ref lanes, (nuint)(BlockSize + k)),
                    Vector256.LoadUnsafe(ref lanes, (nuint)(2 * BlockSize + k)), Vector256.LoadUnsafe(ref lanes, (nuint)(3 * BlockSize + k)));
                var (t0, t1, t2, t3) = (Avx.UnpackLow(v0, v1), Avx.UnpackHigh(v0, v1), Avx.UnpackLow(v2, v3), Avx.UnpackHigh(v2, v3));
                total += Avx.Permute2x128(t1, t3, 0x31); // lane k + 3 of the four inputs
                total += Avx.Permute2x128(t0, t2, 0x31); // lane k + 2
                total += Avx.Permute2x128(t1, t3, 0x20); // lane k + 1
                total += Avx.Permute2x128(t0, t2, 0x20); // lane k
            }

            total.StoreUnsafe(ref sum, (nuint)s);
        }

        foreach (var s in quads.Length > 0 ? plan.ReachedRest : plan.ReachedShared)
        {
            var total = started ? Unsafe.Add(ref sum, s) + Unsafe.Add(ref adjoint, s * BlockSize + count - 1) : Unsafe.Add(ref adjoint, s * BlockSize + count - 1);
            for (var lane = count - 2; lane >= 0; lane--)
            {
                total += Unsafe.Add(ref adjoint, s * BlockSize + lane);
            }

            Unsafe.Add(ref sum, s) = total;
        }
    }
}
