using Google.Protobuf;
using LanguageExt;
using LanguageExt.Common;
using Micrograd.Functional.Files;
using Micrograd.Functional.Nn;
using static LanguageExt.Prelude;

namespace Micrograd.Functional.Onnx;

/// <summary>
/// Writes trained models (<see cref="Mlp"/>) and compiled functions (<see cref="CompiledFunction"/>) as ONNX files, the
/// format tensor runtimes read: ONNX Runtime on CPUs and GPUs and behind inference servers, and the converters of
/// PyTorch, TensorFlow and ML.NET. For inference only: an exported graph computes values, not gradients.
/// </summary>
/// <remarks>
/// <para>
/// <b>A model</b> becomes one <c>Gemm</c> per layer, y = h·Wᵀ + b, then the layer's activation (<c>Relu</c>,
/// <c>Tanh</c>, <c>Sigmoid</c>, nothing for linear), from <see cref="InputName"/> <c>[N, inputs]</c> to
/// <see cref="OutputName"/> <c>[N, outputs]</c>; N is the symbolic batch dimension <see cref="BatchDimension"/>.
/// <c>Gemm</c> sums a neuron's products in its own order (blocked, vectorised), not micrograd's bias-first left to
/// right, so a runtime's outputs agree with <see cref="Mlp.Evaluate"/> to rounding (about 1e-15 relative), not bit for bit.
/// The parameters are stored exactly as they are (little-endian <c>raw_data</c>), NaN and ±∞ included, unlike
/// <see cref="ModelFile"/>'s JSON: <see cref="OnnxImport.LoadMlp"/> gives back every bit.
/// </para>
/// <para>
/// <b>Metadata</b> (<c>metadata_props</c>): <see cref="ArchitectureKey"/> (e.g. <c>2-16-16-1</c>),
/// <see cref="ActivationsKey"/> (e.g. <c>relu,relu,linear</c>), <see cref="ParametersDigestKey"/> (SHA-256 of the
/// parameters, which <see cref="OnnxImport"/> checks) and, when given, <see cref="TrainingKey"/>.
/// </para>
/// <para>
/// Programming errors throw (a null model or function, a blank path), as everywhere in the library; everything
/// else, a model ONNX cannot hold as asked or a file that cannot be written, is a <c>Fail</c> naming the cause.
/// </para>
/// </remarks>
public static partial class OnnxExport
{
    /// <summary>The ONNX operator set the graphs use (the default domain, version 17).</summary>
    public const long Opset = 17;

    /// <summary>The ONNX IR version of the files written (8, the one that goes with opset 17).</summary>
    public const long IrVersion = 8;

    /// <summary>The <c>producer_name</c> of the files written.</summary>
    public const string ProducerName = "Micrograd.Functional";

    /// <summary>The name of the graph's input: <c>[N, inputs]</c> for a model, <c>[inputs]</c> for a compiled function.</summary>
    public const string InputName = "input";

    /// <summary>The name of the graph's output: the scores <c>[N, outputs]</c> for a model, <c>[1]</c> for a compiled function.</summary>
    public const string OutputName = "output";

    /// <summary>The name of the optional softmax output of a k-class model, <c>[N, outputs]</c> (see <see cref="OnnxExportOptions.SoftmaxOutput"/>).</summary>
    public const string ProbabilitiesName = "probabilities";

    /// <summary>The symbolic batch dimension of a model's input and outputs.</summary>
    public const string BatchDimension = "N";

    /// <summary>Metadata key: the widths, inputs then each layer's outputs, joined by '-', e.g. <c>2-16-16-1</c>.</summary>
    public const string ArchitectureKey = "micrograd.architecture";

    /// <summary>Metadata key: each layer's activation, joined by ',', e.g. <c>relu,relu,linear</c>.</summary>
    public const string ActivationsKey = "micrograd.activations";

    /// <summary>Metadata key: the training summary given in <see cref="OnnxExportOptions.TrainingSummary"/>.</summary>
    public const string TrainingKey = "micrograd.training";

    /// <summary>Metadata key: the SHA-256 (hex) of the parameters as stored, in <see cref="Mlp.Parameters"/> order; the importer refuses a file whose weights do not match it.</summary>
    public const string ParametersDigestKey = "micrograd.parameters.sha256";

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> as an ONNX file, atomically (<see cref="AtomicFile"/>): the old file or the whole new one, never half.</summary>
    /// <param name="model">The model.</param>
    /// <param name="path">The file to create or replace; its folder must exist.</param>
    /// <param name="options">Precision, softmax output and training summary; null for the defaults (doubles, scores only).</param>
    /// <returns>Unit, or a failure naming the file and the cause (the model cannot be exported as asked, or the file system refused the write).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or blank.</exception>
    public static Fin<Unit> Save(Mlp model, string path, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ToBytes(model, options).Match(bytes => Write(path, bytes), error => FinFail<Unit>(Error.New($"{path}: {error.Message}")));
    }

    /// <summary>The ONNX file of <paramref name="model"/> as bytes (what <see cref="Save(Mlp, string, OnnxExportOptions?)"/> writes), e.g. for <c>new InferenceSession(bytes)</c>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Precision, softmax output and training summary; null for the defaults.</param>
    /// <returns>The bytes, or a failure saying why the model cannot be exported as asked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static Fin<byte[]> ToBytes(Mlp model, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return MlpGraph.Build(model, options ?? new OnnxExportOptions()).Map(m => m.ToByteArray());
    }

    /// <summary>Writes <paramref name="bytes"/> atomically, a refused write as a failure naming the file.</summary>
    private static Fin<Unit> Write(string path, byte[] bytes)
    {
        try
        {
            AtomicFile.Write(path, bytes);
            return FinSucc(unit);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return FinFail<Unit>(Error.New($"{path}: cannot write the ONNX file: {e.Message}"));
        }
    }
}
