using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Micrograd.Functional.Tests.Engine;

namespace Micrograd.Functional.Tests.Compilation;

/// <summary>
/// <see cref="CompiledFunction.Vmap"/>: the tape run over a batch gives each sample the scalar tape's output and
/// input gradient bit for bit, sums the shared inputs' gradients over the batch (the scalar tape's bits for a batch
/// of one), permutes with the batch, and gives the same bits on every call.
/// </summary>
public sealed class BatchedFunctionProperties
{
    /// <summary>A function, its shared inputs and a batch of samples (rows of the per-sample inputs).</summary>
    public sealed record Case(string Name, CompiledFunction Function, int Shared, double[] SharedInputs, double[][] Samples)
    {
        public override string ToString() => $"{Name}: shared {Shared} of {Function.InputCount} inputs, {Samples.Length} samples";
    }

    /// <summary>Random graphs (every primitive) and random layers of multiply–accumulate chains; 0 to 40 samples, values anywhere, ±∞ and NaN included now and then.</summary>
    public static class Cases
    {
        public static Arbitrary<Case> Case() =>
            (from kind in Gen.Choose(0, 1)
             from seed in ArbMap.Default.GeneratorFor<int>()
             from graph in ExpressionGraphs.Graphs
             from batch in Gen.Choose(0, 40)
             from share in Gen.Choose(0, 100)
             select Make(kind, seed, graph, batch, share)).ToArbitrary();

        private static Case Make(int kind, int seed, RandomGraph graph, int batch, int share)
        {
            var random = new Random(seed);
            var (name, function, inputs) = kind == 0
                ? ("random graph", Compiler.Compile(x => graph.Build(x), graph.Inputs.Length), graph.Inputs)
                : Layered(seed, random);
            var shared = share * function.InputCount / 100;
            double Near(double x) => random.Next(40) switch
            {
                0 => double.NaN,
                1 => double.PositiveInfinity,
                2 => 0.0,
                _ => x + (random.NextDouble() - 0.5) * 0.2,
            };
            var samples = Enumerable.Range(0, batch).Select(_ => inputs[shared..].Select(Near).ToArray()).ToArray();
            return new Case(name, function, shared, inputs[..shared], samples);
        }

        private static (string, CompiledFunction, double[]) Layered(int seed, Random random)
        {
            var n = 1 + random.Next(5);
            return ("layers of chains", Compiler.Compile(x => MultiplyAccumulateTests.Layers(x, seed), n), [.. Enumerable.Range(0, n).Select(_ => 2 * random.NextDouble() - 1)]);
        }
    }

    private static long Bits(double x) => ReferenceBackwardProperties.Bits(x);

    private static double[] Flat(double[][] rows) => [.. rows.SelectMany(row => row)];

    private static (double[] Outputs, double[] Shared, double[] PerSample) Batched(Case c, double[][] samples)
    {
        var batched = c.Function.Vmap(c.Shared);
        var outputs = new double[samples.Length];
        var shared = new double[c.Shared];
        var perSample = new double[samples.Length * batched.SampleWidth];
        batched.ValueAndGrad(c.SharedInputs, Flat(samples), outputs, shared, perSample);
        return (outputs, shared, perSample);
    }

    private static (double Output, double[] Grad) Scalar(Case c, double[] sample)
    {
        var grad = new double[c.Function.InputCount];
        var output = c.Function.ValueAndGrad([.. c.SharedInputs, .. sample], grad);
        return (output, grad);
    }

    [Property(Arbitrary = [typeof(Cases)], MaxTest = 300)]
    public void Each_sample_gets_the_scalar_tapes_output_and_input_gradient_bit_for_bit(Case c)
    {
        var (outputs, _, perSample) = Batched(c, c.Samples);
        var width = c.Function.InputCount - c.Shared;
        var evaluated = new double[c.Samples.Length];
        c.Function.Vmap(c.Shared).Evaluate(c.SharedInputs, Flat(c.Samples), evaluated);
        for (var i = 0; i < c.Samples.Length; i++)
        {
            var (output, grad) = Scalar(c, c.Samples[i]);
            Assert.Equal(Bits(output), Bits(outputs[i]));
            Assert.Equal(Bits(output), Bits(evaluated[i]));
            Assert.Equal(grad[c.Shared..].Select(Bits), perSample.AsSpan(i * width, width).ToArray().Select(Bits));
        }
    }

    [Property(Arbitrary = [typeof(Cases)], MaxTest = 300)]
    public void A_batch_of_one_gives_the_scalar_tapes_shared_gradient_bit_for_bit(Case c)
    {
        foreach (var sample in c.Samples.Take(3))
        {
            var (_, shared, _) = Batched(c, [sample]);
            Assert.Equal(Scalar(c, sample).Grad[..c.Shared].Select(Bits), shared.Select(Bits));
        }
    }

    [Property(Arbitrary = [typeof(Cases)], MaxTest = 300)]
    public void The_summed_gradient_is_the_sum_of_the_per_sample_gradients(Case c)
    {
        var finite = c.Samples.Where(sample => Scalar(c, sample) is var (o, g) && double.IsFinite(o) && g.All(double.IsFinite)).ToArray();
        var (_, shared, _) = Batched(c, finite);
        for (var s = 0; s < c.Shared; s++)
        {
            var terms = finite.Select(sample => Scalar(c, sample).Grad[s]).ToArray();
            var expected = terms.Sum();
            var scale = Math.Max(1.0, terms.Select(Math.Abs).DefaultIfEmpty(0).Sum()); // cancellation: relative to the terms' size
            Assert.True(Math.Abs(expected - shared[s]) <= 1e-12 * scale, $"shared input {s}: Σ = {expected:R}, batched {shared[s]:R}");
        }
    }

    [Property(Arbitrary = [typeof(Cases)], MaxTest = 200)]
    public void Permuting_the_batch_permutes_the_outputs_and_the_sample_gradients_and_is_deterministic(Case c, int seed)
    {
        int[] order = [.. Enumerable.Range(0, c.Samples.Length).OrderBy(i => HashCode.Combine(seed, i))];
        var (outputs, _, perSample) = Batched(c, c.Samples);
        var (permuted, _, permutedGrads) = Batched(c, [.. order.Select(i => c.Samples[i])]);
        var width = c.Function.InputCount - c.Shared;
        for (var k = 0; k < order.Length; k++)
        {
            Assert.Equal(Bits(outputs[order[k]]), Bits(permuted[k]));
            Assert.Equal(perSample.AsSpan(order[k] * width, width).ToArray().Select(Bits), permutedGrads.AsSpan(k * width, width).ToArray().Select(Bits));
        }

        var (again, sharedAgain, perSampleAgain) = Batched(c, c.Samples);
        Assert.Equal(outputs.Select(Bits), again.Select(Bits));
        Assert.Equal(Batched(c, c.Samples).Shared.Select(Bits), sharedAgain.Select(Bits));
        Assert.Equal(perSample.Select(Bits), perSampleAgain.Select(Bits));
    }

    [Property(Arbitrary = [typeof(Cases)], MaxTest = 300)]
    public void With_a_power_of_two_cotangent_and_a_gradient_so_far_it_adds_the_scaled_samples_last_to_first_bit_for_bit(Case c, int exponent, int seed)
    {
        var cotangent = Math.ScaleB(1.0, exponent % 8); // 2ᵏ: scaling by it is exact, so the expected sum can be built from the scalar tape
        var random = new Random(seed);
        var soFar = Enumerable.Range(0, c.Shared).Select(_ => random.NextDouble() - 0.5).ToArray();
        var batched = c.Function.Vmap(c.Shared);
        var outputs = new double[c.Samples.Length];
        var shared = new double[c.Shared];
        var perSample = new double[c.Samples.Length * batched.SampleWidth];
        batched.ValueAndGrad(c.SharedInputs, Flat(c.Samples), cotangent, soFar, outputs, shared, perSample);

        var expected = (double[])soFar.Clone();
        for (var i = c.Samples.Length - 1; i >= 0; i--)
        {
            var grad = Scalar(c, c.Samples[i]).Grad;
            for (var s = 0; s < c.Shared; s++)
            {
                expected[s] += cotangent * grad[s];
            }

            Assert.Equal(grad[c.Shared..].Select(g => Bits(cotangent * g)), perSample.AsSpan(i * batched.SampleWidth, batched.SampleWidth).ToArray().Select(Bits));
        }

        Assert.Equal(expected.Select(Bits), shared.Select(Bits));
    }
}

/// <summary>The batched tape's calls allocate nothing after warm-up, and its arguments are checked.</summary>
public sealed class BatchedFunctionTests
{
    private static readonly BatchedFunction Neuron = Compiler.Compile(x => (x[0] * x[2] + x[1] * x[3] + x[4]).Relu(), 5).Vmap(2);

    [Fact]
    public void A_call_allocates_nothing_after_warm_up()
    {
        var shared = new double[] { 0.5, -1.0 };
        var samples = Enumerable.Range(0, 100 * 3).Select(i => Math.Sin(i)).ToArray();
        var (outputs, gradient, perSample, soFar) = (new double[100], new double[2], new double[300], new double[2]);
        Neuron.ValueAndGrad(shared, samples, outputs, gradient, perSample);
        Neuron.ValueAndGrad(shared, samples, 0.01, soFar, outputs, gradient, perSample);
        Neuron.Evaluate(shared, samples, outputs);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Neuron.ValueAndGrad(shared, samples, outputs, gradient, perSample);
            Neuron.ValueAndGrad(shared, samples, 0.01, soFar, outputs, gradient, perSample);
            Neuron.Evaluate(shared, samples, outputs);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Wrong_lengths_and_overlapping_spans_are_refused_with_a_message_naming_them()
    {
        var outputs = new double[2];
        Assert.Contains("2 shared inputs; it was given 1", Assert.Throws<ArgumentException>(() => Neuron.Evaluate([1.0], new double[6], outputs)).Message, StringComparison.Ordinal);
        Assert.Contains("a batch of 2 (the outputs' length) needs 6, 3 per sample", Assert.Throws<ArgumentException>(() => Neuron.Evaluate([1.0, 2.0], new double[5], outputs)).Message, StringComparison.Ordinal);
        Assert.Contains("The shared gradient has 1 entries; the function has 2 shared inputs", Assert.Throws<ArgumentException>(() => Neuron.ValueAndGrad([1.0, 2.0], new double[6], outputs, new double[1])).Message, StringComparison.Ordinal);
        Assert.Contains("must be empty or as long as the samples (6)", Assert.Throws<ArgumentException>(() => Neuron.ValueAndGrad([1.0, 2.0], new double[6], outputs, new double[2], new double[5])).Message, StringComparison.Ordinal);
        Assert.Contains("must be empty or hold one per shared input (2)", Assert.Throws<ArgumentException>(() => Neuron.ValueAndGrad([1.0, 2.0], new double[6], 1.0, new double[3], outputs, new double[2], [])).Message, StringComparison.Ordinal);
        var buffer = new double[8];
        Assert.Contains("must not overlap", Assert.Throws<ArgumentException>(() => Neuron.ValueAndGrad([1.0, 2.0], buffer.AsSpan(0, 6), buffer.AsSpan(5, 2), new double[2])).Message, StringComparison.Ordinal);
        Assert.Equal("sharedCount", Assert.Throws<ArgumentOutOfRangeException>(() => Neuron.Function.Vmap(6)).ParamName);
        Assert.Equal("sharedCount", Assert.Throws<ArgumentOutOfRangeException>(() => Neuron.Function.Vmap(-1)).ParamName);
    }

    [Fact]
    public void Many_threads_on_one_batched_function_get_the_same_bits_as_one()
    {
        var samples = Enumerable.Range(0, 3 * 300).Select(i => Math.Cos(i)).ToArray();
        var (outputs, gradient) = (new double[300], new double[2]);
        Neuron.ValueAndGrad([0.5, -1.0], samples, outputs, gradient);
        var failures = 0;
        Parallel.For(0, 64, _ =>
        {
            var (o, g) = (new double[300], new double[2]);
            Neuron.ValueAndGrad([0.5, -1.0], samples, o, g);
            if (!o.SequenceEqual(outputs) || !g.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(gradient.Select(BitConverter.DoubleToInt64Bits)))
            {
                Interlocked.Increment(ref failures);
            }
        });
        Assert.Equal(0, failures);
    }

    [Fact]
    public void A_custom_ops_error_in_a_chunk_on_the_thread_pool_comes_out_as_itself()
    {
        var picky = CustomOp.Unary("picky", x => x > 1e6 ? throw new InvalidOperationException($"picky refuses {x}") : x, _ => 1.0);
        var batched = Compiler.Compile(x => picky.Apply(x[0] * x[1]), 2).Vmap(1);
        var samples = Enumerable.Range(0, 5000).Select(i => i == 4321 ? 1e9 : i).Select(v => (double)v).ToArray();
        var error = Assert.Throws<InvalidOperationException>(() => batched.ValueAndGrad([1.0], samples, new double[5000], new double[1]));
        Assert.Equal("picky refuses 1000000000", error.Message);
    }

    [Fact]
    public void An_empty_batch_has_no_outputs_and_the_gradient_so_far_or_zero()
    {
        var gradient = new double[] { 7, 7 };
        Neuron.ValueAndGrad([1.0, 2.0], [], [], gradient);
        Assert.Equal([0.0, 0.0], gradient);
        Neuron.ValueAndGrad([1.0, 2.0], [], 0.5, [3.0, 4.0], [], gradient, []);
        Assert.Equal([3.0, 4.0], gradient);
    }
}

/// <summary>A batch larger than a chunk runs its chunks on the thread pool and still adds in its documented, fixed order.</summary>
public sealed class BatchedChunkTests
{
    [Theory]
    [InlineData(1025)]
    [InlineData(2500)]
    [InlineData(5000)]
    public void A_large_batch_adds_each_chunk_last_to_first_then_the_chunks_last_first_bit_for_bit(int batch)
    {
        var f = Compiler.Compile(x => (x[0] * x[3] + x[1] * x[4] + x[2]).Tanh() * (x[3] - x[4]), 5);
        var batched = f.Vmap(3);
        var random = new Random(batch);
        double[] shared = [0.3, -0.7, 0.1];
        var samples = Enumerable.Range(0, batch * 2).Select(_ => 2 * random.NextDouble() - 1).ToArray();
        double[] soFar = [0.25, -0.5, 1.0];
        var (outputs, gradient, perSample) = (new double[batch], new double[3], new double[batch * 2]);
        batched.ValueAndGrad(shared, samples, 0.5, soFar, outputs, gradient, perSample);

        var chunkSums = new List<double[]>();
        for (var first = 0; first < batch; first += BatchedFunction.ChunkSize)
        {
            var last = Math.Min(batch, first + BatchedFunction.ChunkSize) - 1;
            double[]? sum = null;
            for (var i = last; i >= first; i--)
            {
                var g = new double[5];
                var output = f.ValueAndGrad([.. shared, samples[2 * i], samples[2 * i + 1]], g);
                Assert.Equal(BitConverter.DoubleToInt64Bits(output), BitConverter.DoubleToInt64Bits(outputs[i]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(0.5 * g[3]), BitConverter.DoubleToInt64Bits(perSample[2 * i]));
                sum = sum is null ? [0.5 * g[0], 0.5 * g[1], 0.5 * g[2]] : [sum[0] + 0.5 * g[0], sum[1] + 0.5 * g[1], sum[2] + 0.5 * g[2]];
            }

            chunkSums.Add(sum!);
        }

        var expected = (double[])soFar.Clone();
        for (var k = chunkSums.Count - 1; k >= 0; k--)
        {
            for (var s = 0; s < 3; s++)
            {
                expected[s] += chunkSums[k][s];
            }
        }

        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), gradient.Select(BitConverter.DoubleToInt64Bits));
        var again = new double[3];
        batched.ValueAndGrad(shared, samples, 0.5, soFar, new double[batch], again, []);
        Assert.Equal(gradient.Select(BitConverter.DoubleToInt64Bits), again.Select(BitConverter.DoubleToInt64Bits));
    }
}
