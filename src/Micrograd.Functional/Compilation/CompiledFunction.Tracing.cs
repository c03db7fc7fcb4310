using LanguageExt;
using static LanguageExt.Prelude;

namespace Micrograd.Functional;

/// <summary>How a tape is made: tracing a graph into instructions, and comparing two traces (for checked compilation).</summary>
public sealed partial class CompiledFunction
{
    /// <summary>
    /// Compiles the graph of <paramref name="output"/> with <paramref name="inputs"/> as its inputs; the slots of the
    /// <paramref name="probes"/>, nodes of that graph whose values a batched run also reports, are kept.
    /// </summary>
    internal static CompiledFunction Trace(Value[] inputs, Value output, IReadOnlyList<Value>? probes = null)
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

        int[] probeSlots = [.. (probes ?? []).Select(p => topology.Index.SlotOf(p) is var s and >= 0
            ? slotOf[s]
            : throw new ArgumentException($"A probe, {p}, is not in the graph of the function's output.", nameof(probes)))];
        return new CompiledFunction(inputs.Length, [.. constants], [.. customs], [.. tape], slotOf[0], probeSlots);

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
}
