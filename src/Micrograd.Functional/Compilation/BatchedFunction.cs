namespace Micrograd.Functional;

/// <summary>
/// A <see cref="CompiledFunction"/> mapped over a batch of samples, as JAX's <c>vmap</c>: one tape, run over
/// many samples at once. The first <see cref="SharedCount"/> inputs (a model's parameters, say) are the same
/// for every sample; the other <see cref="SampleWidth"/> inputs (a sample's features) are given per sample.
/// Made by <see cref="CompiledFunction.Vmap"/>.
/// </summary>
/// <remarks>
/// <para>
/// <b>How.</b> Samples run in blocks of <see cref="BlockSize"/>, each instruction over a whole block at once
/// (SIMD lanes of <c>Vector256</c> for sums and products and multiply–accumulate chains, a loop over the
/// block for the other ops), so an instruction's dispatch is paid once per block, not once per sample.
/// </para>
/// <para>
/// <b>Exactness.</b> Each sample is computed with the tape's own operations in the tape's order, so each
/// sample's output and input gradients are bit-identical to <see cref="CompiledFunction.ValueAndGrad(ReadOnlySpan{double}, Span{double})"/>
/// at that sample (and to <see cref="Value.Backward"/>). The shared inputs' gradients are summed over the batch
/// in a fixed order, the last sample first (in chunks of <see cref="ChunkSize"/> on the thread pool for a larger batch,
/// the chunks' sums then added last chunk first), so a batch gives the same bits on every call, whatever the number of
/// threads; for a batch of one they are the scalar tape's bits.
/// </para>
/// <para>
/// <b>What it requires.</b> The same tape for every sample, as compiling does: a branch on data must be an op
/// (<see cref="Value.Relu()"/>, Max, Min, Abs, Step, Where). A custom op is called once per sample, also for the
/// few padding lanes of a last, partial block, which repeat the batch's last sample.
/// </para>
/// <para>
/// Immutable and thread-safe; each call's scratch space comes from a per-thread buffer, so a batch of up to
/// <see cref="ChunkSize"/> samples allocates nothing after warm-up (a larger one, only the thread pool's bookkeeping).
/// </para>
/// </remarks>
public sealed partial class BatchedFunction
{
    /// <summary>Samples per block: four <c>Vector256&lt;double&gt;</c>.</summary>
    public const int BlockSize = 16;

    internal BatchedFunction(CompiledFunction function, int sharedCount)
    {
        Function = function;
        SharedCount = sharedCount;
        _plan = new Plan(function, sharedCount);
    }

    /// <summary>The function mapped.</summary>
    public CompiledFunction Function { get; }

    /// <summary>The number of leading inputs shared by every sample.</summary>
    public int SharedCount { get; }

    /// <summary>The number of inputs given per sample: <see cref="CompiledFunction.InputCount"/> − <see cref="SharedCount"/>.</summary>
    public int SampleWidth => Function.InputCount - SharedCount;

    /// <summary>outputs[i] = f(shared, samples[i]) for each of the <c>outputs.Length</c> samples.</summary>
    /// <param name="shared">The shared inputs, <see cref="SharedCount"/> of them.</param>
    /// <param name="samples">The samples' inputs, row after row: <c>outputs.Length</c> × <see cref="SampleWidth"/> values.</param>
    /// <param name="outputs">Receives one value per sample; its length is the batch size.</param>
    /// <exception cref="ArgumentException">A span has the wrong length, or <paramref name="outputs"/> overlaps an input.</exception>
    public void Evaluate(ReadOnlySpan<double> shared, ReadOnlySpan<double> samples, Span<double> outputs)
    {
        Check(shared, samples, outputs, [], []);
        Run(shared, samples, outputs, default, []);
    }

    /// <summary>
    /// outputs[i] = f(shared, samples[i]), the shared inputs' gradient summed over the batch,
    /// Σᵢ ∂f(shared, samples[i])/∂shared, and, when <paramref name="sampleGradients"/> is not empty, each sample's
    /// own input gradient ∂f(shared, samples[i])/∂samples[i].
    /// </summary>
    /// <param name="shared">The shared inputs, <see cref="SharedCount"/> of them.</param>
    /// <param name="samples">The samples' inputs, row after row: <c>outputs.Length</c> × <see cref="SampleWidth"/> values.</param>
    /// <param name="outputs">Receives one value per sample; its length is the batch size.</param>
    /// <param name="sharedGradient">Receives the summed gradient, one entry per shared input (0 for an empty batch).</param>
    /// <param name="sampleGradients">Empty, or receives the samples' gradients, laid out as <paramref name="samples"/>.</param>
    /// <exception cref="ArgumentException">A span has the wrong length, or an output span overlaps another span.</exception>
    public void ValueAndGrad(ReadOnlySpan<double> shared, ReadOnlySpan<double> samples, Span<double> outputs, Span<double> sharedGradient, Span<double> sampleGradients) =>
        ValueAndGrad(shared, samples, 1.0, [], outputs, sharedGradient, sampleGradients);

    /// <summary>outputs[i] = f(shared, samples[i]) and the shared inputs' gradient summed over the batch, Σᵢ ∂f(shared, samples[i])/∂shared.</summary>
    /// <param name="shared">The shared inputs, <see cref="SharedCount"/> of them.</param>
    /// <param name="samples">The samples' inputs, row after row: <c>outputs.Length</c> × <see cref="SampleWidth"/> values.</param>
    /// <param name="outputs">Receives one value per sample; its length is the batch size.</param>
    /// <param name="sharedGradient">Receives the summed gradient, one entry per shared input (0 for an empty batch).</param>
    /// <exception cref="ArgumentException">A span has the wrong length, or an output span overlaps another span.</exception>
    public void ValueAndGrad(ReadOnlySpan<double> shared, ReadOnlySpan<double> samples, Span<double> outputs, Span<double> sharedGradient) =>
        ValueAndGrad(shared, samples, 1.0, [], outputs, sharedGradient, []);

    /// <summary>
    /// The pullback of an objective L that depends on each output with ∂L/∂fᵢ = <paramref name="cotangent"/> (1/n for a
    /// mean): outputs[i] = f(shared, samples[i]); sharedGradient = gradientSoFar + c·∂f(…, samples[n−1])/∂shared + … +
    /// c·∂f(…, samples[0])/∂shared, added in that order; and each sample's own gradient c·∂fᵢ/∂samples[i] when asked.
    /// </summary>
    /// <remarks>
    /// The order, the last sample first, is the one in which reverse mode meets the samples when their graphs are built
    /// first to last and then combined with terms built after them (a penalty, say, whose gradient is
    /// <paramref name="gradientSoFar"/>): with it, a batched training step can give the graph engine's bits.
    /// </remarks>
    /// <param name="shared">The shared inputs, <see cref="SharedCount"/> of them.</param>
    /// <param name="samples">The samples' inputs, row after row: <c>outputs.Length</c> × <see cref="SampleWidth"/> values.</param>
    /// <param name="cotangent">∂L/∂fᵢ, the same for every sample: each sample's backward pass starts from it instead of 1.</param>
    /// <param name="gradientSoFar">Empty (0), or the gradient the batch's is added to, one entry per shared input.</param>
    /// <param name="outputs">Receives one value per sample; its length is the batch size.</param>
    /// <param name="sharedGradient">Receives the gradient, one entry per shared input.</param>
    /// <param name="sampleGradients">Empty, or receives the samples' gradients, laid out as <paramref name="samples"/>.</param>
    /// <exception cref="ArgumentException">A span has the wrong length, or an output span overlaps another span.</exception>
    public void ValueAndGrad(ReadOnlySpan<double> shared, ReadOnlySpan<double> samples, double cotangent, ReadOnlySpan<double> gradientSoFar, Span<double> outputs, Span<double> sharedGradient, Span<double> sampleGradients)
    {
        Check(shared, samples, outputs, sharedGradient, sampleGradients);
        if (sharedGradient.Length != SharedCount)
        {
            throw new ArgumentException($"The shared gradient has {sharedGradient.Length} entries; the function has {SharedCount} shared inputs.", nameof(sharedGradient));
        }

        if (!gradientSoFar.IsEmpty && gradientSoFar.Length != SharedCount)
        {
            throw new ArgumentException($"The gradient so far has {gradientSoFar.Length} entries; it must be empty or hold one per shared input ({SharedCount}).", nameof(gradientSoFar));
        }

        if (gradientSoFar.Overlaps(sharedGradient) || gradientSoFar.Overlaps(outputs) || gradientSoFar.Overlaps(sampleGradients))
        {
            throw new ArgumentException("The gradient so far must not overlap the outputs or gradients.", nameof(gradientSoFar));
        }

        Run(shared, samples, outputs, new Gradient(cotangent, gradientSoFar, sharedGradient, sampleGradients), []);
    }

    /// <summary>
    /// <see cref="ValueAndGrad(ReadOnlySpan{double}, ReadOnlySpan{double}, double, ReadOnlySpan{double}, Span{double}, Span{double}, Span{double})"/>,
    /// also reporting the probes' values (<see cref="Compiler.CompileWithProbes"/>), probe after probe for each sample.
    /// </summary>
    internal void ValueAndGradWithProbes(ReadOnlySpan<double> shared, ReadOnlySpan<double> samples, double cotangent, ReadOnlySpan<double> gradientSoFar, Span<double> outputs, Span<double> sharedGradient, Span<double> probes)
    {
        Check(shared, samples, outputs, sharedGradient, []);
        if (sharedGradient.Length != SharedCount || gradientSoFar.Length != SharedCount || probes.Length != outputs.Length * _plan.Probes.Length)
        {
            throw new ArgumentException("The shared gradient, the gradient so far or the probes have the wrong length.", nameof(probes));
        }

        Run(shared, samples, outputs, new Gradient(cotangent, gradientSoFar, sharedGradient, []), probes);
    }

    /// <summary>Describes the mapping, e.g. <c>BatchedFunction(shared=337, per sample=2, instructions=650)</c>.</summary>
    public override string ToString() => $"BatchedFunction(shared={SharedCount}, per sample={SampleWidth}, instructions={Function.InstructionCount})";

    private void Check(ReadOnlySpan<double> shared, ReadOnlySpan<double> samples, ReadOnlySpan<double> outputs, ReadOnlySpan<double> sharedGradient, ReadOnlySpan<double> sampleGradients)
    {
        if (shared.Length != SharedCount)
        {
            throw new ArgumentException($"The function takes {SharedCount} shared inputs; it was given {shared.Length}.", nameof(shared));
        }

        if (samples.Length != (long)outputs.Length * SampleWidth)
        {
            throw new ArgumentException(
                $"The samples hold {samples.Length} values; a batch of {outputs.Length} (the outputs' length) needs {(long)outputs.Length * SampleWidth}, {SampleWidth} per sample.", nameof(samples));
        }

        if (!sampleGradients.IsEmpty && sampleGradients.Length != samples.Length)
        {
            throw new ArgumentException($"The sample gradients hold {sampleGradients.Length} values; they must be empty or as long as the samples ({samples.Length}).", nameof(sampleGradients));
        }

        if (outputs.Overlaps(shared) || outputs.Overlaps(samples) || outputs.Overlaps(sharedGradient) || outputs.Overlaps(sampleGradients)
            || sharedGradient.Overlaps(shared) || sharedGradient.Overlaps(samples) || sharedGradient.Overlaps(sampleGradients)
            || sampleGradients.Overlaps(shared) || sampleGradients.Overlaps(samples))
        {
            throw new ArgumentException("The outputs and gradients must not overlap each other or the inputs: each is written while the others are read.", nameof(outputs));
        }
    }
}

public sealed partial class CompiledFunction
{
    /// <summary>
    /// Maps this function over batches of samples (JAX's <c>vmap</c>): the first <paramref name="sharedCount"/> inputs
    /// are shared by every sample, the rest are given per sample. See <see cref="BatchedFunction"/>.
    /// </summary>
    /// <param name="sharedCount">How many leading inputs are shared, from 0 to <see cref="InputCount"/>.</param>
    /// <returns>The batched function.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sharedCount"/> is negative or above <see cref="InputCount"/>.</exception>
    public BatchedFunction Vmap(int sharedCount) =>
        sharedCount >= 0 && sharedCount <= InputCount
            ? new BatchedFunction(this, sharedCount)
            : throw new ArgumentOutOfRangeException(nameof(sharedCount), sharedCount, $"The number of shared inputs must be between 0 and the function's {InputCount} inputs.");
}
