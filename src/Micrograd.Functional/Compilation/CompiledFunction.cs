using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Micrograd.Functional;

/// <summary>
/// A traced function as a flat tape: one instruction per op node, in the same topological order
/// <see cref="Value.Backward"/> uses, so its values and gradients are bit-identical to the engine's.
/// Immutable and thread-safe: the tape is never written after compilation, and each call's scratch
/// space is the caller's or comes from a per-thread buffer, so calls allocate nothing after warm-up.
/// </summary>
/// <remarks>
/// <para>
/// A gradient call runs the tape forward, keeping each instruction's value and local partials, then
/// backward, accumulating adjoints. Most of an MLP's tape is the inner loop of its neurons,
/// acc ← acc + wₖ·xₖ: a Mul whose only use is the Add just after it, and a partial sum whose only
/// use is the next Add. Compilation groups such runs into chains, which run as one loop with the sum
/// (forward) and the upstream gradient (backward) in a register, and store no partials. Every number
/// still comes from the op table, and is summed in the engine's order, so the results stay
/// bit-identical to <see cref="Value.Backward"/>.
/// </para>
/// <para>
/// The inner loops index the scratch spans without bounds checks: every slot on the tape is below
/// <see cref="SlotCount"/> by construction, and the spans are checked against it on every call.
/// </para>
/// </remarks>
public sealed partial class CompiledFunction
{
    // Slots: [0, inputs) the inputs, [inputs, inputs + constants) the constants, then one per instruction.
    private readonly Instruction[] _tape;
    private readonly Step[] _steps;
    private readonly double[] _constants;
    private readonly CustomOp[] _customs; // the custom ops on the tape; a Custom instruction's P is its index here
    private readonly int _output;

    [ThreadStatic]
    private static double[]? t_values;

    [ThreadStatic]
    private static double[]? t_adjoints;

    [ThreadStatic]
    private static double[]? t_partials;

    private CompiledFunction(int inputCount, double[] constants, CustomOp[] customs, Instruction[] tape, int output, int[] probes)
    {
        InputCount = inputCount;
        _constants = constants;
        _customs = customs;
        _tape = tape;
        _output = output;
        Probes = probes;
        _steps = Plan(tape, inputCount + constants.Length, output, probes);
    }

    /// <summary>The number of inputs.</summary>
    public int InputCount { get; }

    /// <summary>The number of instructions (op nodes) on the tape.</summary>
    public int InstructionCount => _tape.Length;

    /// <summary>The number of constants (leaves that are not inputs).</summary>
    public int ConstantCount => _constants.Length;

    /// <summary>The slots of the nodes a batched run reports besides the output (none unless compiled with probes).</summary>
    internal int[] Probes { get; }

    /// <summary>The tape, its steps, constants, custom ops and output slot, for <see cref="BatchedFunction"/>, which runs the same tape over many samples.</summary>
    internal (Instruction[] Tape, Step[] Steps, double[] Constants, CustomOp[] Customs, int Output) Parts => (_tape, _steps, _constants, _customs, _output);

    /// <summary>The number of multiply–accumulate chains the tape runs as one step each (see the remarks); for tests.</summary>
    internal int ChainCount => _steps.Count(step => step.Pairs > 0);

    /// <summary>The number of slots a call needs: inputs, constants and one per instruction.</summary>
    public int SlotCount => InputCount + _constants.Length + _tape.Length;

    /// <summary>f(inputs), without a graph.</summary>
    /// <param name="inputs">One value per input.</param>
    /// <exception cref="ArgumentException">The number of inputs is wrong.</exception>
    [OverloadResolutionPriority(1)] // a collection expression [x, y] goes to the span overload
    public double Evaluate(ReadOnlySpan<double> inputs)
    {
        CheckInputs(inputs);
        var values = Scratch(ref t_values, SlotCount);
        Forward<ValuesOnly>(inputs, values, partials: default);
        return values[_output];
    }

    /// <summary>f(point), without a graph.</summary>
    /// <param name="point">One value per input.</param>
    /// <exception cref="ArgumentException">The number of inputs is wrong.</exception>
    public double Evaluate(ImmutableArray<double> point) => Evaluate(AsInputs(point));

    /// <summary>f(point) and its gradient ∂f/∂xᵢ, one entry per input.</summary>
    /// <param name="point">One value per input.</param>
    /// <returns>The value and the gradient.</returns>
    /// <exception cref="ArgumentException">The number of inputs is wrong.</exception>
    public (double Value, ImmutableArray<double> Grad) ValueAndGrad(ImmutableArray<double> point)
    {
        var grad = new double[InputCount];
        var value = ValueAndGrad(AsInputs(point), grad);
        return (value, ImmutableCollectionsMarshal.AsImmutableArray(grad));
    }

    /// <summary>The gradient ∂f/∂xᵢ at <paramref name="point"/>, one entry per input.</summary>
    /// <param name="point">One value per input.</param>
    /// <exception cref="ArgumentException">The number of inputs is wrong.</exception>
    public ImmutableArray<double> Grad(ImmutableArray<double> point) => ValueAndGrad(point).Grad;

    /// <summary>f(inputs) and ∂f/∂inputᵢ for every input, using a per-thread scratch buffer: the allocation-free hot path.</summary>
    /// <param name="inputs">One value per input.</param>
    /// <param name="grad">Receives one partial derivative per input.</param>
    /// <returns>f(inputs).</returns>
    /// <exception cref="ArgumentException">The number of inputs or gradient entries is wrong, or <paramref name="grad"/> overlaps <paramref name="inputs"/>.</exception>
    public double ValueAndGrad(ReadOnlySpan<double> inputs, Span<double> grad) =>
        ValueAndGrad(inputs, grad, Scratch(ref t_values, SlotCount), Scratch(ref t_adjoints, SlotCount), Scratch(ref t_partials, 2 * _tape.Length));

    /// <summary>f(inputs) and its gradient, using scratch space the caller owns (each span at least <see cref="SlotCount"/> long, partials twice <see cref="InstructionCount"/>).</summary>
    /// <param name="inputs">One value per input.</param>
    /// <param name="grad">Receives one partial derivative per input.</param>
    /// <param name="values">Scratch: every slot's value.</param>
    /// <param name="adjoints">Scratch: every slot's gradient.</param>
    /// <param name="partials">Scratch: each instruction's two local partials.</param>
    /// <returns>f(inputs).</returns>
    /// <exception cref="ArgumentException">A span has the wrong length, or two of them overlap (each must be memory of its own).</exception>
    public double ValueAndGrad(ReadOnlySpan<double> inputs, Span<double> grad, Span<double> values, Span<double> adjoints, Span<double> partials)
    {
        CheckInputs(inputs);
        if (grad.Length != InputCount)
        {
            throw new ArgumentException($"The gradient span has {grad.Length} entries; the function has {InputCount} inputs.", nameof(grad));
        }

        if (values.Length < SlotCount || adjoints.Length < SlotCount || partials.Length < 2 * _tape.Length)
        {
            throw new ArgumentException($"Scratch spans must hold {SlotCount} values and adjoints and {2 * _tape.Length} partials.", nameof(values));
        }

        ReadOnlySpan<double> v = values, a = adjoints, p = partials, g = grad;
        if (v.Overlaps(a) || v.Overlaps(p) || a.Overlaps(p) || g.Overlaps(v) || g.Overlaps(a) || g.Overlaps(p) || g.Overlaps(inputs))
        {
            throw new ArgumentException("The gradient and the scratch spans values, adjoints and partials must not overlap each other or the inputs: each is written while the others are read.", nameof(values));
        }

        Forward<WithPartials>(inputs, values, partials);
        Backward(values, adjoints, partials);
        adjoints[..InputCount].CopyTo(grad);
        return values[_output];
    }

    /// <summary>Renamed <see cref="ValueAndGrad(ReadOnlySpan{double}, Span{double})"/>: the library says Grad everywhere.</summary>
    /// <param name="inputs">One value per input.</param>
    /// <param name="gradient">Receives one partial derivative per input.</param>
    [Obsolete("Renamed ValueAndGrad: the library says Grad everywhere. This forward goes in the next release.")]
    public double ValueAndGradient(ReadOnlySpan<double> inputs, Span<double> gradient) => ValueAndGrad(inputs, gradient);

    /// <summary>Renamed <see cref="ValueAndGrad(ReadOnlySpan{double}, Span{double}, Span{double}, Span{double}, Span{double})"/>.</summary>
    /// <param name="inputs">One value per input.</param>
    /// <param name="gradient">Receives one partial derivative per input.</param>
    /// <param name="values">Scratch: every slot's value.</param>
    /// <param name="adjoints">Scratch: every slot's gradient.</param>
    /// <param name="partials">Scratch: each instruction's two local partials.</param>
    [Obsolete("Renamed ValueAndGrad: the library says Grad everywhere. This forward goes in the next release.")]
    public double ValueAndGradient(ReadOnlySpan<double> inputs, Span<double> gradient, Span<double> values, Span<double> adjoints, Span<double> partials) =>
        ValueAndGrad(inputs, gradient, values, adjoints, partials);

    /// <summary>Describes the tape by its size, e.g. <c>CompiledFunction(inputs=2, instructions=4, constants=0)</c>.</summary>
    public override string ToString() => $"CompiledFunction(inputs={InputCount}, instructions={InstructionCount}, constants={ConstantCount})";

    private static ReadOnlySpan<double> AsInputs(ImmutableArray<double> point) =>
        point.IsDefault ? throw new ArgumentNullException(nameof(point), "The point is a default (uninitialised) ImmutableArray.") : point.AsSpan();

    private void CheckInputs(ReadOnlySpan<double> inputs)
    {
        if (inputs.Length != InputCount)
        {
            throw new ArgumentException($"The compiled function takes {InputCount} inputs; it was given {inputs.Length}.", nameof(inputs));
        }
    }

    /// <summary>A per-thread buffer of at least <paramref name="length"/>, replaced by one of that length when too short, and then reused.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Span<double> Scratch(ref double[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = new double[length];
        }

        return buffer.AsSpan(0, length);
    }

    /// <summary>
    /// A run of the tape: the instruction at <paramref name="First"/> alone (no pairs), or a chain of <paramref name="Pairs"/>
    /// multiply–accumulate pairs from it; <paramref name="Passes"/> when the backward sweep passes adjoints through it.
    /// </summary>
    internal readonly record struct Step(int First, int Pairs, bool Passes);

    /// <summary>One op of the tape: its kind, its operands' slots (B is −1 for a unary op) and Pow's exponent (a custom op's index in <see cref="_customs"/>).</summary>
    internal readonly record struct Instruction(Op Op, int A, int B, double P);
}
