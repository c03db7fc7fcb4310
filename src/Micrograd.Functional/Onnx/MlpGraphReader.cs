using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Micrograd.Functional.Files;
using Micrograd.Functional.Nn;
using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Micrograd.Functional.Onnx;

/// <summary>
/// Checks that an ONNX model is a graph of the shape <see cref="MlpGraph"/> writes and rebuilds the <see cref="Mlp"/>;
/// any difference is a <see cref="FormatException"/> saying what was expected (text from the file quoted bounded).
/// </summary>
internal static class MlpGraphReader
{
    private static readonly System.Collections.Generic.HashSet<string> Defaults = ["", "ai.onnx"];

    /// <summary>The model of <paramref name="model"/>'s graph, or a <see cref="FormatException"/> naming the first thing that is not the exporter's shape.</summary>
    internal static Mlp Read(ModelProto model)
    {
        var graph = model.Graph ?? throw Foreign("the file has no graph");
        CheckVersions(model);
        if (graph.Input.Count != 1)
        {
            throw Foreign($"the graph has {graph.Input.Count} inputs; a model has one, [N, inputs]");
        }

        var (type, inputs) = InputOf(graph.Input[0]);
        var initializers = new Dictionary<string, TensorProto>();
        foreach (var tensor in graph.Initializer)
        {
            if (!initializers.TryAdd(tensor.Name, tensor))
            {
                throw Foreign($"two initializers are named \"{Quote(tensor.Name)}\"");
            }
        }

        if (graph.Output.Count is < 1 or > 2)
        {
            throw Foreign($"the graph has {graph.Output.Count} outputs; a model has its scores and at most a softmax of them");
        }

        var layers = ImmutableArray.CreateBuilder<Layer>();
        var h = graph.Input[0].Name;
        var width = inputs;
        var n = 0;
        while (n < graph.Node.Count && graph.Node[n].OpType == "Gemm")
        {
            var gemm = Checked(graph.Node[n++], 3);
            if (gemm.Input[0] != h)
            {
                throw Foreign($"layer {layers.Count}'s Gemm reads \"{Quote(gemm.Input[0])}\", not the previous layer's output \"{Quote(h)}\"");
            }

            CheckGemmAttributes(gemm, layers.Count);
            var w = Tensor(initializers, gemm.Input[1], type, layers.Count, "weight");
            var outputs = w.Dims.Count == 2 && w.Dims[1] == width && w.Dims[0] is > 0 and <= int.MaxValue ? (int)w.Dims[0]
                : throw Foreign($"layer {layers.Count}'s weight has shape [{string.Join(", ", w.Dims)}]; expected [outputs, {width}]");
            var b = Tensor(initializers, gemm.Input[2], type, layers.Count, "bias");
            if (b.Dims.Count != 1 || b.Dims[0] != outputs)
            {
                throw Foreign($"layer {layers.Count}'s bias has shape [{string.Join(", ", b.Dims)}]; expected [{outputs}]");
            }

            var weights = Numbers(w, (long)outputs * width, layers.Count, "weight");
            var biases = Numbers(b, outputs, layers.Count, "bias");
            h = gemm.Output[0];
            var activation = Activation.Linear;
            if (n < graph.Node.Count && graph.Node[n].OpType != "Gemm" && graph.Node[n].OpType != "Softmax")
            {
                var act = Checked(graph.Node[n++], 1);
                activation = MlpGraph.Operators.Where(p => p.Value == act.OpType).Select(p => (Activation?)p.Key).FirstOrDefault()
                    ?? throw Foreign($"layer {layers.Count} is followed by a {Quote(act.OpType)} node; expected one of {string.Join(", ", MlpGraph.Operators.Values)}, or none for linear");
                if (act.Input[0] != h || act.Attribute.Count != 0)
                {
                    throw Foreign($"layer {layers.Count}'s {act.OpType} does not read the Gemm's output alone");
                }

                h = act.Output[0];
            }

            var neurons = new Neuron[outputs];
            for (var j = 0; j < outputs; j++)
            {
                neurons[j] = new Neuron([.. weights.Skip(j * width).Take(width).Select(v => new Value(v))], new Value(biases[j]), activation);
            }

            layers.Add(new Layer(ImmutableCollectionsMarshal.AsImmutableArray(neurons)));
            width = outputs;
        }

        if (layers.Count == 0)
        {
            throw Foreign("the graph does not start with a Gemm; a model is one Gemm per layer, each followed by its activation");
        }

        CheckOutputs(graph, n, h, type, width);
        var built = new Mlp(inputs, layers.ToImmutable());
        CheckMetadata(model, built, type == DataType.Float);
        return built;
    }

    private static (DataType Type, int Inputs) InputOf(ValueInfoProto input)
    {
        var tensor = input.Type?.TensorType ?? throw Foreign("the graph's input is not a tensor");
        var type = (DataType)tensor.ElemType;
        if (type is not (DataType.Double or DataType.Float))
        {
            throw Foreign($"the input's element type is {Name(type)}; a model reads DOUBLE or FLOAT");
        }

        var dims = tensor.Shape?.Dim;
        return dims is { Count: 2 } && dims[1].HasDimValue && dims[1].DimValue is > 0 and <= int.MaxValue
            ? (type, (int)dims[1].DimValue)
            : throw Foreign("the input is not a [N, inputs] tensor with a known number of inputs");
    }

    private static NodeProto Checked(NodeProto node, int inputs)
    {
        if (!Defaults.Contains(node.Domain))
        {
            throw Foreign($"node \"{Quote(node.Name)}\" is from the operator domain \"{Quote(node.Domain)}\"; a model uses the default one only");
        }

        return node.Input.Count == inputs && node.Output.Count == 1 ? node
            : throw Foreign($"the {Quote(node.OpType)} node \"{Quote(node.Name)}\" has {node.Input.Count} inputs and {node.Output.Count} outputs; expected {inputs} and 1");
    }

    /// <summary>The IR versions this reader takes: 7 (the first with opset 13) to 11.</summary>
    private const long MinIrVersion = 7, MaxIrVersion = 11;

    /// <summary>The default-domain opsets this reader takes: 13 (Softmax over one axis, as read here) to 21.</summary>
    private const long MinOpset = 13, MaxOpset = 21;

    /// <summary>
    /// The file's IR version and its one import of the default domain must be ones this reader (and ONNX Runtime) reads
    /// with the meaning the exporter's graph has; a file ONNX Runtime would refuse is refused here too.
    /// </summary>
    private static void CheckVersions(ModelProto model)
    {
        if (model.IrVersion is < MinIrVersion or > MaxIrVersion)
        {
            throw Foreign($"the file's IR version is {model.IrVersion}; this reader takes {MinIrVersion} to {MaxIrVersion} (the exporter writes {OnnxExport.IrVersion})");
        }

        var imports = model.OpsetImport.Where(o => Defaults.Contains(o.Domain)).ToList();
        if (imports.Count != 1)
        {
            throw Foreign($"the file imports the default ONNX operator set {imports.Count} times; a model imports it once (the exporter: opset {OnnxExport.Opset})");
        }

        if (imports[0].Version is < MinOpset or > MaxOpset)
        {
            throw Foreign($"the file uses ONNX opset {imports[0].Version}; this reader takes {MinOpset} to {MaxOpset} (the exporter writes {OnnxExport.Opset})");
        }
    }

    /// <summary>h·Wᵀ + b only: transB = 1, and transA, alpha, beta absent or at their defaults (0, 1, 1), each of its ONNX type.</summary>
    private static void CheckGemmAttributes(NodeProto gemm, int layer)
    {
        var transB = false;
        foreach (var a in gemm.Attribute)
        {
            var ok = a.Name switch
            {
                "transB" => a.Type == AttributeProto.Types.AttributeType.Int && (transB = a.I == 1),
                "transA" => a.Type == AttributeProto.Types.AttributeType.Int && a.I == 0,
                "alpha" or "beta" => a.Type == AttributeProto.Types.AttributeType.Float && a.F == 1f,
                _ => false,
            };
            if (!ok)
            {
                throw Foreign($"layer {layer}'s Gemm has {Quote(a.Name)} = {(a.Name is "alpha" or "beta" ? a.F : a.I)} (an attribute of type {a.Type}); a model's layer is h·Wᵀ + b (transB = 1 and transA = 0 as INT, alpha = beta = 1 as FLOAT)");
            }
        }

        if (!transB)
        {
            throw Foreign($"layer {layer}'s Gemm does not transpose its weight (transB = 1); a model's layer is h·Wᵀ + b");
        }
    }

    private static TensorProto Tensor(Dictionary<string, TensorProto> initializers, string name, DataType type, int layer, string what)
    {
        var tensor = initializers.GetValueOrDefault(name) ?? throw Foreign($"layer {layer}'s {what} \"{Quote(name)}\" is not an initializer in the file");
        return (DataType)tensor.DataType == type ? tensor
            : throw Foreign($"layer {layer}'s {what} holds {Name((DataType)tensor.DataType)}, not {Name(type)} as the input does");
    }

    /// <summary>The tensor's <paramref name="count"/> numbers, from <c>raw_data</c> (little-endian) or the typed field, whichever holds them.</summary>
    private static double[] Numbers(TensorProto tensor, long count, int layer, string what)
    {
        var isFloat = (DataType)tensor.DataType == DataType.Float;
        var size = isFloat ? sizeof(float) : sizeof(double);
        var typed = isFloat ? tensor.FloatData.Count : tensor.DoubleData.Count;
        if (!tensor.RawData.IsEmpty ? tensor.RawData.Length != count * size || typed != 0 : typed != count)
        {
            throw Foreign($"layer {layer}'s {what} holds {(tensor.RawData.IsEmpty ? typed : tensor.RawData.Length / (double)size)} numbers; its shape needs {count}");
        }

        if (tensor.RawData.IsEmpty)
        {
            return isFloat ? [.. tensor.FloatData.Select(f => (double)f)] : [.. tensor.DoubleData];
        }

        var raw = tensor.RawData.Span;
        return isFloat ? [.. MemoryMarshal.Cast<byte, float>(raw).ToArray().Select(f => (double)f)] : MemoryMarshal.Cast<byte, double>(raw).ToArray();
    }

    /// <summary>The scores are the last layer's output, and a second output is their softmax over each row.</summary>
    private static void CheckOutputs(GraphProto graph, int n, string scores, DataType type, int width)
    {
        if (graph.Output[0].Name != scores)
        {
            throw Foreign($"the graph's first output is \"{Quote(graph.Output[0].Name)}\", not the last layer's \"{Quote(scores)}\"");
        }

        var remaining = graph.Node.Count - n;
        if (graph.Output.Count == 2)
        {
            var softmax = remaining == 1 && graph.Node[n].OpType == "Softmax" ? Checked(graph.Node[n], 1) : throw Foreign("the graph's second output is not a Softmax of the scores");
            var axes = softmax.Attribute.Where(a => a.Name == "axis").ToList(); // one INT axis at most (two would not be a Softmax)
            var axis = axes.Count == 0 ? -1 : axes.Count == 1 && axes[0].Type == AttributeProto.Types.AttributeType.Int ? axes[0].I : long.MinValue;
            if (softmax.Input[0] != scores || softmax.Output[0] != graph.Output[1].Name || axis is not (1 or -1) || softmax.Attribute.Any(a => a.Name != "axis"))
            {
                throw Foreign("the graph's second output is not a Softmax of the scores over each row");
            }
        }
        else if (remaining != 0)
        {
            throw Foreign($"after the layers the graph has {remaining} more nodes (the first a {Quote(graph.Node[n].OpType)}); a model has none");
        }

        foreach (var output in graph.Output)
        {
            var tensor = output.Type?.TensorType;
            if (tensor is null || (DataType)tensor.ElemType != type || tensor.Shape?.Dim is not { Count: 2 } dims || dims[1].DimValue != width)
            {
                throw Foreign($"the output \"{Quote(output.Name)}\" is not a [N, {width}] tensor of {Name(type)}");
            }
        }
    }

    /// <summary>The metadata the exporter writes, when present, agrees with the graph: architecture, activations and the parameters' digest.</summary>
    private static void CheckMetadata(ModelProto model, Mlp built, bool asFloat)
    {
        var metadata = new Dictionary<string, string>();
        foreach (var entry in model.MetadataProps)
        {
            metadata[entry.Key] = entry.Value;
        }

        if (model.ProducerName == OnnxExport.ProducerName
            && new[] { OnnxExport.ArchitectureKey, OnnxExport.ActivationsKey, OnnxExport.ParametersDigestKey }.FirstOrDefault(k => !metadata.ContainsKey(k)) is { } missing)
        {
            throw Foreign($"a file written by {OnnxExport.ProducerName} carries {missing} in its metadata, and this one does not; the file is truncated or corrupted");
        }

        Agree(OnnxExport.ArchitectureKey, MlpGraph.Architecture(built));
        Agree(OnnxExport.ActivationsKey, MlpGraph.Activations(built));
        if (metadata.TryGetValue(OnnxExport.ParametersDigestKey, out var digest) && digest != ParameterDigest.Of(built.ParameterValues().AsSpan(), asFloat))
        {
            throw Foreign($"the parameters do not match their SHA-256 in the metadata ({OnnxExport.ParametersDigestKey}); the file is corrupted");
        }

        void Agree(string key, string actual)
        {
            if (metadata.TryGetValue(key, out var stated) && stated != actual)
            {
                throw Foreign($"the metadata says {key} = \"{Quote(stated)}\" but the graph is \"{actual}\"; the file is corrupted");
            }
        }
    }

    /// <summary>An element type as ONNX spells it, e.g. DOUBLE.</summary>
    private static string Name(DataType type) => type.ToString().ToUpperInvariant();

    private static string Quote(string? text) => UntrustedText.Bounded(text, 80);

    private static FormatException Foreign(string what) => new($"not a model of the shape this library exports: {what}.");
}
