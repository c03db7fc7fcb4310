using LanguageExt;
using LanguageExt.Common;
using Micrograd.Functional.Nn;
using Onnx;
using static LanguageExt.Prelude;
using static Micrograd.Functional.Onnx.OnnxProto;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Micrograd.Functional.Onnx;

/// <summary>
/// An <see cref="Mlp"/> as an ONNX graph: per layer l, <c>Gemm(h, layer{l}.weight, layer{l}.bias, transB=1)</c> (h·Wᵀ + b, W
/// holding neuron j's weights in row j), then the layer's activation (<c>Relu</c>, <c>Tanh</c>, <c>Sigmoid</c>; none for
/// linear), from the input <c>[N, inputs]</c> to the output <c>[N, outputs]</c>.
/// </summary>
internal static class MlpGraph
{
    /// <summary>The ONNX operator of each activation; linear has none.</summary>
    internal static readonly IReadOnlyDictionary<Activation, string> Operators = new Dictionary<Activation, string>
    {
        [Activation.Relu] = "Relu",
        [Activation.Tanh] = "Tanh",
        [Activation.Sigmoid] = "Sigmoid",
    };

    /// <summary>The name of layer <paramref name="l"/>'s weight matrix initializer.</summary>
    internal static string Weight(int l) => $"layer{l}.weight";

    /// <summary>The name of layer <paramref name="l"/>'s bias initializer.</summary>
    internal static string Bias(int l) => $"layer{l}.bias";

    /// <summary>The model's graph wrapped in a model with its metadata, or why it cannot be exported.</summary>
    internal static Fin<ModelProto> Build(Mlp model, OnnxExportOptions options)
    {
        if (options.SoftmaxOutput && model.Outputs < 2)
        {
            return FinFail<ModelProto>(Error.New($"A softmax output needs a k-class model (2 outputs or more); this model has {model.Outputs} output. Export its score alone."));
        }

        for (var l = 0; l < model.Layers.Length; l++)
        {
            if (model.Layers[l].Neurons.Select(n => n.Activation).Distinct().Count() > 1)
            {
                return FinFail<ModelProto>(Error.New($"Layer {l} mixes activations ({string.Join(", ", model.Layers[l].Neurons.Select(n => n.Activation).Distinct())}); an ONNX layer applies one activation to all its neurons."));
            }
        }

        var asFloat = options.Precision == OnnxPrecision.Float32;
        var type = asFloat ? DataType.Float : DataType.Double;
        var graph = new GraphProto { Name = "mlp" };
        graph.Input.Add(Tensor(OnnxExport.InputName, type, OnnxExport.BatchDimension, model.Inputs));
        graph.Output.Add(Tensor(OnnxExport.OutputName, type, OnnxExport.BatchDimension, model.Outputs));

        var h = OnnxExport.InputName;
        for (var l = 0; l < model.Layers.Length; l++)
        {
            var layer = model.Layers[l];
            var weights = layer.Neurons.SelectMany(n => n.Weights).Select(w => w.Data).ToArray();
            graph.Initializer.Add(Initializer(Weight(l), weights, asFloat, layer.Outputs, layer.Inputs));
            graph.Initializer.Add(Initializer(Bias(l), layer.Neurons.Select(n => n.Bias.Data).ToArray(), asFloat, layer.Outputs));

            var last = l == model.Layers.Length - 1;
            var hasOperator = Operators.TryGetValue(layer.Activation, out var op);
            var sum = last && !hasOperator ? OnnxExport.OutputName : $"layer{l}.sum";
            graph.Node.Add(Node("Gemm", $"layer{l}.gemm", [h, Weight(l), Bias(l)], [sum], Int("transB", 1)));
            h = sum;
            if (hasOperator)
            {
                var activated = last ? OnnxExport.OutputName : $"layer{l}.{op!.ToLowerInvariant()}";
                graph.Node.Add(Node(op!, $"layer{l}.{op!.ToLowerInvariant()}", [sum], [activated]));
                h = activated;
            }
        }

        if (options.SoftmaxOutput)
        {
            graph.Output.Add(Tensor(OnnxExport.ProbabilitiesName, type, OnnxExport.BatchDimension, model.Outputs));
            graph.Node.Add(Node("Softmax", "softmax", [OnnxExport.OutputName], [OnnxExport.ProbabilitiesName], Int("axis", 1)));
        }

        // The digest goes last: protobuf writes fields in order, so a file cut anywhere loses it, and the importer refuses that.
        var metadata = new List<KeyValuePair<string, string>>
        {
            new(OnnxExport.ArchitectureKey, Architecture(model)),
            new(OnnxExport.ActivationsKey, Activations(model)),
        };
        if (options.TrainingSummary is { } summary)
        {
            metadata.Add(new(OnnxExport.TrainingKey, summary));
        }

        metadata.Add(new(OnnxExport.ParametersDigestKey, ParameterDigest.Of(model.ParameterValues().AsSpan(), asFloat)));

        return FinSucc(Model(graph, metadata));
    }

    /// <summary>The architecture in the metadata: the widths, inputs then each layer's outputs, joined by '-' (<c>2-16-16-1</c>).</summary>
    internal static string Architecture(Mlp model) => string.Join("-", model.Shape);

    /// <summary>The activations in the metadata: each layer's, named as <see cref="ModelFile"/> writes them, joined by ',' (<c>relu,relu,linear</c>).</summary>
    internal static string Activations(Mlp model) => string.Join(",", model.Layers.Select(l => ModelFile.NameOf(l.Activation)));
}
