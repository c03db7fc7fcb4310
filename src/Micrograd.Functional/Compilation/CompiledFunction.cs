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
public sealed class CompiledFunction
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

    private CompiledFunction(int inputCount, double[] constants, CustomOp[] customs, Instruction[] tape, int output)
    {
        InputCount = inputCount;
        _constants = constants;
        _customs = customs;
        _tape = tape;
        _output = output;
        _steps = Plan(tape, inputCount + constants.Length);
    }

    /// <summary>The number of inputs.</summary>
    public int InputCount { get; }

    /// <summary>The number of instructions (op nodes) on the tape.</summary>
    public int InstructionCount => _tape.Length;

    /// <summary>The number of constants (leaves that are not inputs).</summary>
    public int ConstantCount => _constants.Length;

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

    /// <summary>Compiles the graph of <paramref name="output"/> with <paramref name="inputs"/> as its inputs.</summary>
    internal static CompiledFunction Trace(Value[] inputs, Value output)
    {
        var topology = Topology.Of(output);
        var slotOf = new int[topology.Count]; // topology slot → tape slot
        var inputIndex = new Dictionary<Value, int>(inputs.Length);
        for (var i = 0; i < inputs.Length; i++)
        {
            inputIndex.TryAdd(inputs[i], i);
        }

        var constants = new List<double>();
        var leaves = new List<(int Slot, bool IsInput, int Index)>();
        foreach (var s in topology.Order)
        {
            var node = topology.Nodes[s];
            if (node.Op != Op.Leaf)
            {
                continue;
            }

            if (inputIndex.TryGetValue(node, out var i))
            {
                leaves.Add((s, true, i));
            }
            else
            {
                leaves.Add((s, false, constants.Count));
                constants.Add(node.Primal);
            }
        }

        foreach (var (s, isInput, index) in leaves)
        {
            slotOf[s] = isInput ? index : inputs.Length + index;
        }

        var first = inputs.Length + constants.Count;
        var customs = new List<CustomOp>();
        var tape = new List<Instruction>(topology.Count - leaves.Count);
        foreach (var s in topology.Order)
        {
            var node = topology.Nodes[s];
            if (node.Op == Op.Leaf)
            {
                continue;
            }

            slotOf[s] = first + tape.Count;
            var b = topology.OperandB[s];
            tape.Add(new Instruction(node.Op, slotOf[topology.OperandA[s]], b >= 0 ? slotOf[b] : -1, node.Custom is { } custom ? IndexOf(custom) : node.Exponent.IfNone(0.0)));
        }

        return new CompiledFunction(inputs.Length, [.. constants], [.. customs], [.. tape], slotOf[0]);

        int IndexOf(CustomOp custom)
        {
            var i = customs.IndexOf(custom);
            if (i < 0)
            {
                customs.Add(custom);
                i = customs.Count - 1;
            }

            return i;
        }
    }

    /// <summary>The first structural difference from <paramref name="other"/>, if any.</summary>
    internal Option<string> StructuralDifference(CompiledFunction other)
    {
        if (_tape.Length != other._tape.Length)
        {
            return Some($"the traces have {_tape.Length} and {other._tape.Length} instructions");
        }

        for (var i = 0; i < _tape.Length; i++)
        {
            if (_tape[i] != other._tape[i])
            {
                return Some($"instruction {i} is {_tape[i]} in one trace and {other._tape[i]} in the other");
            }
        }

        if (_constants.Length != other._constants.Length)
        {
            return Some($"the traces have {_constants.Length} and {other._constants.Length} constants");
        }

        for (var i = 0; i < _constants.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(_constants[i]) != BitConverter.DoubleToInt64Bits(other._constants[i]))
            {
                return Some($"constant {i} is {_constants[i]} in one trace and {other._constants[i]} in the other");
            }
        }

        if (!_customs.SequenceEqual(other._customs))
        {
            return Some("the traces use different custom ops");
        }

        return _output == other._output ? None : Some("the outputs are different nodes");
    }

    /// <summary>
    /// Runs the tape forward with the op table's formulas (a custom op's own), step by step; with <typeparamref name="TMode"/>
    /// <see cref="WithPartials"/>, also its derivative rules, keeping each single instruction's two
    /// partials (a chain's are re-derived on the way back).
    /// </summary>
    private void Forward<TMode>(ReadOnlySpan<double> inputs, Span<double> values, Span<double> partials)
        where TMode : struct, IForwardMode
    {
        inputs.CopyTo(values);
        _constants.CopyTo(values[InputCount..]);
        var first = InputCount + _constants.Length;
        var tape = _tape.AsSpan();

        // The tape's slots are all below SlotCount, which the callers checked the spans against.
        ref var value = ref MemoryMarshal.GetReference(values);
        ref var partial = ref MemoryMarshal.GetReference(partials);
        foreach (var step in _steps)
        {
            if (step.Pairs == 0)
            {
                ref readonly var op = ref tape[step.First];
                var a = Unsafe.Add(ref value, op.A);
                var b = op.B >= 0 ? Unsafe.Add(ref value, op.B) : 0.0;
                if (TMode.KeepsPartials)
                {
                    var local = op.Op == Op.Custom ? _customs[(int)op.P].Evaluate(a, b) : Calculus.Apply(op.Op, a, b, op.P);
                    Unsafe.Add(ref value, first + step.First) = local.Out;
                    Unsafe.Add(ref partial, 2 * step.First) = local.DA;
                    Unsafe.Add(ref partial, 2 * step.First + 1) = local.DB;
                }
                else
                {
                    Unsafe.Add(ref value, first + step.First) = op.Op == Op.Custom ? _customs[(int)op.P].Forward(a, b) : Calculus.Forward(op.Op, a, b, op.P);
                }

                continue;
            }

            // acc ← acc + a·b, pair after pair, the accumulator in a register.
            var acc = Unsafe.Add(ref value, tape[step.First + 1].A);
            for (int j = step.First, end = step.First + 2 * step.Pairs; j < end; j += 2)
            {
                ref readonly var mul = ref tape[j];
                var product = Calculus.Forward(Op.Mul, Unsafe.Add(ref value, mul.A), Unsafe.Add(ref value, mul.B), 0.0);
                acc = Calculus.Forward(Op.Add, acc, product, 0.0);
                Unsafe.Add(ref value, first + j) = product;
                Unsafe.Add(ref value, first + j + 1) = acc;
            }
        }
    }

    /// <summary>The engine's reverse sweep on the tape: same order, same operations, same sums.</summary>
    private void Backward(Span<double> values, Span<double> adjoints, ReadOnlySpan<double> partials)
    {
        var first = InputCount + _constants.Length;
        adjoints[..SlotCount].Clear();
        adjoints[_output] = 1.0;
        var tape = _tape.AsSpan();
        ref var adjoint = ref MemoryMarshal.GetReference(adjoints);
        ref var partial = ref MemoryMarshal.GetReference(partials);
        ref var value = ref MemoryMarshal.GetReference(values);
        for (var t = _steps.Length - 1; t >= 0; t--)
        {
            var step = _steps[t];
            if (step.Pairs == 0)
            {
                var i = step.First;
                ref readonly var op = ref tape[i];
                if (op.Op == Op.StopGradient)
                {
                    continue; // exactly 0 to the operand, not 0·upstream
                }

                var upstream = Unsafe.Add(ref adjoint, first + i);
                Unsafe.Add(ref adjoint, op.A) += Unsafe.Add(ref partial, 2 * i) * upstream;
                if (op.B >= 0)
                {
                    Unsafe.Add(ref adjoint, op.B) += Unsafe.Add(ref partial, 2 * i + 1) * upstream;
                }

                continue;
            }

            // The chain from its last add back to its first. A product and a partial sum each have one
            // use, the add just after it, so their adjoint is 0 + ∂add·upstream, exactly as the engine
            // sums it, and stays in a register. Contributions leave the chain in the engine's order.
            var up = Unsafe.Add(ref adjoint, first + step.First + 2 * step.Pairs - 1);
            for (var j = step.First + 2 * step.Pairs - 2; j >= step.First; j -= 2)
            {
                ref readonly var mul = ref tape[j];
                ref readonly var add = ref tape[j + 1];
                var a = Unsafe.Add(ref value, mul.A);
                var b = Unsafe.Add(ref value, mul.B);
                var sum = Calculus.Apply(Op.Add, Unsafe.Add(ref value, add.A), Unsafe.Add(ref value, first + j), 0.0);
                var product = Calculus.Apply(Op.Mul, a, b, 0.0);
                var g = 0.0 + sum.DB * up;
                if (j == step.First)
                {
                    Unsafe.Add(ref adjoint, add.A) += sum.DA * up; // the chain's start may have other uses
                }
                else
                {
                    up = 0.0 + sum.DA * up;
                }

                Unsafe.Add(ref adjoint, mul.A) += product.DA * g;
                Unsafe.Add(ref adjoint, mul.B) += product.DB * g;
            }
        }
    }

    /// <summary>
    /// Groups the tape into steps: single instructions, and chains of multiply–accumulate pairs
    /// (acc ← acc + a·b, a Mul then the Add that is its only use, each partial sum used only by the
    /// next pair's Add), the inner loop of every neuron. Chains run with their sums in registers.
    /// </summary>
    private static Step[] Plan(Instruction[] tape, int first)
    {
        // (The output is the newest node, so no instruction uses it, and a chain can only end there.)
        var uses = new int[first + tape.Length];
        foreach (var op in tape)
        {
            uses[op.A]++;
            if (op.B >= 0)
            {
                uses[op.B]++;
            }
        }

        var steps = new List<Step>();
        for (var i = 0; i < tape.Length;)
        {
            var pairs = 0;
            while (IsMultiplyAccumulate(i + 2 * pairs)
                && (pairs == 0 || (tape[i + 2 * pairs + 1].A == first + i + 2 * pairs - 1 && uses[first + i + 2 * pairs - 1] == 1)))
            {
                pairs++;
            }

            steps.Add(new Step(i, pairs));
            i += pairs == 0 ? 1 : 2 * pairs;
        }

        return [.. steps];

        bool IsMultiplyAccumulate(int j) =>
            j + 1 < tape.Length && tape[j].Op == Op.Mul && tape[j + 1].Op == Op.Add
            && tape[j + 1].B == first + j && uses[first + j] == 1;
    }

    private void CheckInputs(ReadOnlySpan<double> inputs)
    {
        if (inputs.Length != InputCount)
        {
            throw new ArgumentException($"The compiled function takes {InputCount} inputs; it was given {inputs.Length}.", nameof(inputs));
        }
    }

    /// <summary>A per-thread buffer of at least <paramref name="length"/>, grown when needed and then reused.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Span<double> Scratch(ref double[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = new double[Math.Max(length, (buffer?.Length ?? 0) * 2)];
        }

        return buffer.AsSpan(0, length);
    }

    /// <summary>Whether <see cref="Forward{TMode}"/> keeps partials: a type argument, so each mode is compiled on its own, without the test.</summary>
    private interface IForwardMode
    {
        static abstract bool KeepsPartials { get; }
    }

    private readonly struct ValuesOnly : IForwardMode
    {
        public static bool KeepsPartials => false;
    }

    private readonly struct WithPartials : IForwardMode
    {
        public static bool KeepsPartials => true;
    }

    /// <summary>A run of the tape: the instruction at <paramref name="First"/> alone (no pairs), or a chain of <paramref name="Pairs"/> multiply–accumulate pairs from it.</summary>
    private readonly record struct Step(int First, int Pairs);

    /// <summary>One op of the tape: its kind, its operands' slots (B is −1 for a unary op) and Pow's exponent (a custom op's index in <see cref="_customs"/>).</summary>
    private readonly record struct Instruction(Op Op, int A, int B, double P);
}
