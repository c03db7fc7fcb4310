using System.Globalization;
using LanguageExt;
using LanguageExt.Common;
using Onnx;
using static LanguageExt.Prelude;
using static Micrograd.Functional.Onnx.OnnxProto;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Micrograd.Functional.Onnx;

/// <summary>
/// A compiled function's tape as an ONNX graph: the input <c>[inputs]</c> split into one <c>[1]</c> tensor per input,
/// each constant an initializer, and each instruction one operator (or a few, where the library's formula is written
/// out: see <see cref="OnnxExport.Save(CompiledFunction, string)"/>), in tape order, so the graph is topologically sorted.
/// </summary>
internal sealed class TapeGraph
{
    private const string Zero = "zero";
    private const string One = "one";

    private readonly GraphProto _graph = new() { Name = "compiled_function" };
    private readonly System.Collections.Generic.HashSet<string> _shared = [];

    private TapeGraph()
    {
    }

    /// <summary>The function's graph in a model, or a failure naming the first custom op on its tape.</summary>
    internal static Fin<ModelProto> Build(CompiledFunction function)
    {
        var (tape, _, constants, customs, output) = function.Parts;
        if (tape.FirstOrDefault(i => i.Op == Op.Custom) is { Op: Op.Custom } custom)
        {
            return FinFail<ModelProto>(Error.New(
                $"The compiled function uses the custom op '{customs[(int)custom.P].Name}', which has no ONNX operator; only the library's primitives can be exported."));
        }

        var g = new TapeGraph();
        var inputs = function.InputCount;
        g._graph.Input.Add(Tensor(OnnxExport.InputName, DataType.Double, inputs));
        g._graph.Output.Add(Tensor(OnnxExport.OutputName, DataType.Double, 1));
        g._graph.Node.Add(Node("Split", "split", [OnnxExport.InputName], [.. Enumerable.Range(0, inputs).Select(i => SlotName(i, inputs, constants.Length))], Int("axis", 0)));
        for (var k = 0; k < constants.Length; k++)
        {
            g._graph.Initializer.Add(Initializer(SlotName(inputs + k, inputs, constants.Length), [constants[k]], asFloat: false, 1));
        }

        for (var t = 0; t < tape.Length; t++)
        {
            var i = tape[t];
            g.Emit(i.Op, $"t{t}", SlotName(i.A, inputs, constants.Length), i.B >= 0 ? SlotName(i.B, inputs, constants.Length) : "", i.P);
        }

        g._graph.Node.Add(Node("Identity", "result", [SlotName(output, inputs, constants.Length)], [OnnxExport.OutputName]));
        return FinSucc(Model(g._graph, []));
    }

    /// <summary>The tensor name of a slot: <c>x{i}</c> for an input, <c>c{k}</c> for a constant, <c>t{t}</c> for an instruction's result.</summary>
    private static string SlotName(int slot, int inputs, int constants) =>
        slot < inputs ? $"x{slot}" : slot < inputs + constants ? $"c{slot - inputs}" : $"t{slot - inputs - constants}";

    /// <summary>The operators computing instruction <paramref name="o"/> = op(a, b), with the library's formula (<see cref="Calculus.Forward"/>).</summary>
    private void Emit(Op op, string o, string a, string b, double p)
    {
        switch (op)
        {
            case Op.Add or Op.Mul or Op.Max or Op.Min:
                Add(op.ToString(), o, a, b);
                break;
            case Op.PowValue:
                Add("Pow", o, a, b);
                break;
            case Op.Pow:
                _graph.Initializer.Add(Initializer($"{o}.p", [p], asFloat: false, 1));
                Add("Pow", o, a, $"{o}.p");
                break;
            case Op.Tanh or Op.Exp or Op.Log or Op.Sin or Op.Cos or Op.Sqrt or Op.Abs:
                Add(op.ToString(), o, a);
                break;
            case Op.StopGradient:
                Add("Identity", o, a);
                break;
            case Op.Relu: // a < 0 ? 0 : a (NaN and −0 pass through)
                Add("Less", $"{o}.neg", a, Shared(Zero, 0.0));
                Add("Where", o, $"{o}.neg", Zero, a);
                break;
            case Op.Sigmoid: // 1 / (1 + e^(−a))
                Add("Neg", $"{o}.na", a);
                Add("Exp", $"{o}.e", $"{o}.na");
                Add("Add", $"{o}.d", Shared(One, 1.0), $"{o}.e");
                Add("Div", o, One, $"{o}.d");
                break;
            case Op.Softplus: // max(a, 0) + log1p(e^(−|a|)), log1p(x) = u == 1 ? x : ln(u)·x/(u − 1) with u = 1 + x
                Add("Max", $"{o}.m", a, Shared(Zero, 0.0));
                Add("Abs", $"{o}.abs", a);
                Add("Neg", $"{o}.nabs", $"{o}.abs");
                Add("Exp", $"{o}.x", $"{o}.nabs");
                Add("Add", $"{o}.u", Shared(One, 1.0), $"{o}.x");
                Add("Equal", $"{o}.tiny", $"{o}.u", One);
                Add("Log", $"{o}.lu", $"{o}.u");
                Add("Mul", $"{o}.lux", $"{o}.lu", $"{o}.x");
                Add("Sub", $"{o}.u1", $"{o}.u", One);
                Add("Div", $"{o}.q", $"{o}.lux", $"{o}.u1");
                Add("Where", $"{o}.l1p", $"{o}.tiny", $"{o}.x", $"{o}.q");
                Add("Add", o, $"{o}.m", $"{o}.l1p");
                break;
            case Op.Step: // a > 0 ? 1 : 0
                Add("Greater", $"{o}.pos", a, Shared(Zero, 0.0));
                Add("Where", o, $"{o}.pos", Shared(One, 1.0), Zero);
                break;
            case Op.Where: // a > 0 ? b : 0
                Add("Greater", $"{o}.pos", a, Shared(Zero, 0.0));
                Add("Where", o, $"{o}.pos", b, Zero);
                break;
            default:
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"No ONNX form for {op}: every primitive needs one here.")); // a new Op without a case
        }
    }

    private void Add(string op, string output, params string[] inputs) => _graph.Node.Add(Node(op, output, inputs, [output]));

    /// <summary>The name of a shared <c>[1]</c> constant, added as an initializer the first time it is used.</summary>
    private string Shared(string name, double value)
    {
        if (_shared.Add(name))
        {
            _graph.Initializer.Add(Initializer(name, [value], asFloat: false, 1));
        }

        return name;
    }
}
