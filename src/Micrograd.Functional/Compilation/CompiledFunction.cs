using System.Runtime.CompilerServices;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Micrograd.Functional;

/// <summary>
/// A traced function as a flat tape: one instruction per op node, in the same topological order
/// <see cref="Value.Backward"/> uses, so its values and gradients are bit-identical to the engine's.
/// Immutable and thread-safe: the tape is never written after compilation, and each call's scratch
/// space is the caller's or comes from a per-thread buffer, so calls allocate nothing after warm-up.
/// </summary>
public sealed class CompiledFunction
{
    // Slots: [0, inputs) the inputs, [inputs, inputs + constants) the constants, then one per instruction.
    private readonly Instruction[] _tape;
    private readonly double[] _constants;
    private readonly int _output;

    [ThreadStatic]
    private static double[]? t_values;

    [ThreadStatic]
    private static double[]? t_adjoints;

    [ThreadStatic]
    private static double[]? t_partials;

    private CompiledFunction(int inputCount, double[] constants, Instruction[] tape, int output)
    {
        InputCount = inputCount;
        _constants = constants;
        _tape = tape;
        _output = output;
    }

    /// <summary>The number of inputs.</summary>
    public int InputCount { get; }

    /// <summary>The number of instructions (op nodes) on the tape.</summary>
    public int InstructionCount => _tape.Length;

    /// <summary>The number of constants (leaves that are not inputs).</summary>
    public int ConstantCount => _constants.Length;

    /// <summary>The number of slots a call needs: inputs, constants and one per instruction.</summary>
    public int SlotCount => InputCount + _constants.Length + _tape.Length;

    /// <summary>f(inputs), without a graph.</summary>
    /// <param name="inputs">One value per input.</param>
    /// <exception cref="ArgumentException">The number of inputs is wrong.</exception>
    public double Evaluate(ReadOnlySpan<double> inputs)
    {
        CheckInputs(inputs);
        var values = Scratch(ref t_values, SlotCount);
        Forward(inputs, values, partials: default);
        return values[_output];
    }

    /// <summary>f(inputs) and ∂f/∂inputᵢ for every input, using a per-thread scratch buffer.</summary>
    /// <param name="inputs">One value per input.</param>
    /// <param name="gradient">Receives one partial derivative per input.</param>
    /// <returns>f(inputs).</returns>
    /// <exception cref="ArgumentException">The number of inputs or gradient entries is wrong.</exception>
    public double ValueAndGradient(ReadOnlySpan<double> inputs, Span<double> gradient) =>
        ValueAndGradient(inputs, gradient, Scratch(ref t_values, SlotCount), Scratch(ref t_adjoints, SlotCount), Scratch(ref t_partials, 2 * _tape.Length));

    /// <summary>f(inputs) and its gradient, using scratch space the caller owns (each span at least <see cref="SlotCount"/> long, partials twice <see cref="InstructionCount"/>).</summary>
    /// <param name="inputs">One value per input.</param>
    /// <param name="gradient">Receives one partial derivative per input.</param>
    /// <param name="values">Scratch: every slot's value.</param>
    /// <param name="adjoints">Scratch: every slot's gradient.</param>
    /// <param name="partials">Scratch: each instruction's two local partials.</param>
    /// <returns>f(inputs).</returns>
    public double ValueAndGradient(ReadOnlySpan<double> inputs, Span<double> gradient, Span<double> values, Span<double> adjoints, Span<double> partials)
    {
        CheckInputs(inputs);
        if (gradient.Length != InputCount)
        {
            throw new ArgumentException($"The gradient span has {gradient.Length} entries; the function has {InputCount} inputs.", nameof(gradient));
        }

        if (values.Length < SlotCount || adjoints.Length < SlotCount || partials.Length < 2 * _tape.Length)
        {
            throw new ArgumentException($"Scratch spans must hold {SlotCount} values and adjoints and {2 * _tape.Length} partials.", nameof(values));
        }

        Forward(inputs, values, partials);
        Backward(adjoints, partials);
        adjoints[..InputCount].CopyTo(gradient);
        return values[_output];
    }

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
                constants.Add(node.Data);
            }
        }

        foreach (var (s, isInput, index) in leaves)
        {
            slotOf[s] = isInput ? index : inputs.Length + index;
        }

        var first = inputs.Length + constants.Count;
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
            tape.Add(new Instruction(node.Op, slotOf[topology.OperandA[s]], b >= 0 ? slotOf[b] : -1, node.Exponent.IfNone(0.0)));
        }

        return new CompiledFunction(inputs.Length, [.. constants], [.. tape], slotOf[0]);
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

        return _output == other._output ? None : Some("the outputs are different nodes");
    }

    /// <summary>Evaluates the tape with the op table's forward formulas, and its derivative rules too when <paramref name="partials"/> is given (two loops, so neither pays for the other).</summary>
    private void Forward(ReadOnlySpan<double> inputs, Span<double> values, Span<double> partials)
    {
        inputs.CopyTo(values);
        _constants.CopyTo(values[InputCount..]);
        var first = InputCount + _constants.Length;
        var tape = _tape.AsSpan();
        if (partials.IsEmpty)
        {
            for (var i = 0; i < tape.Length; i++)
            {
                ref readonly var op = ref tape[i];
                values[first + i] = Calculus.Forward(op.Op, values[op.A], op.B >= 0 ? values[op.B] : 0.0, op.P);
            }

            return;
        }

        for (var i = 0; i < tape.Length; i++)
        {
            ref readonly var op = ref tape[i];
            var local = Calculus.Apply(op.Op, values[op.A], op.B >= 0 ? values[op.B] : 0.0, op.P);
            values[first + i] = local.Out;
            partials[2 * i] = local.DA;
            partials[2 * i + 1] = local.DB;
        }
    }

    /// <summary>The engine's reverse sweep on the tape: same order, same operations, same sums.</summary>
    private void Backward(Span<double> adjoints, ReadOnlySpan<double> partials)
    {
        var first = InputCount + _constants.Length;
        adjoints[..SlotCount].Clear();
        adjoints[_output] = 1.0;
        var tape = _tape.AsSpan();
        for (var i = tape.Length - 1; i >= 0; i--)
        {
            ref readonly var op = ref tape[i];
            var upstream = adjoints[first + i];
            adjoints[op.A] += partials[2 * i] * upstream;
            if (op.B >= 0)
            {
                adjoints[op.B] += partials[2 * i + 1] * upstream;
            }
        }
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

    /// <summary>One op of the tape: its kind, its operands' slots (B is −1 for a unary op) and Pow's exponent.</summary>
    private readonly record struct Instruction(Op Op, int A, int B, double P);
}
