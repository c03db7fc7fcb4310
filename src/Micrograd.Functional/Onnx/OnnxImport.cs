using Google.Protobuf;
using LanguageExt;
using LanguageExt.Common;
using Micrograd.Functional.Files;
using Micrograd.Functional.Nn;
using Onnx;
using static LanguageExt.Prelude;

namespace Micrograd.Functional.Onnx;

/// <summary>
/// Reads back an <see cref="Mlp"/> from an ONNX file of the shape <see cref="OnnxExport"/> writes: one <c>Gemm</c>
/// (h·Wᵀ + b) per layer, each followed by <c>Relu</c>, <c>Tanh</c>, <c>Sigmoid</c> or nothing, optionally a final
/// <c>Softmax</c> output. A double file comes back bit for bit; a float32 file comes back with its floats as doubles.
/// </summary>
/// <remarks>
/// Anything else, a truncated, corrupted or foreign file, or a graph of another shape, is a failure naming the file and
/// what is wrong; no exception escapes and no model is half built. When the file carries
/// <see cref="OnnxExport.ParametersDigestKey"/>, <see cref="OnnxExport.ArchitectureKey"/> or
/// <see cref="OnnxExport.ActivationsKey"/>, the graph must agree with them, so a flipped bit in a weight is caught too.
/// </remarks>
public static class OnnxImport
{
    /// <summary>
    /// The largest ONNX file <see cref="LoadMlp"/> reads, 256 MiB (about 33 million double parameters); a larger file, or a
    /// device or stream with no end such as <c>/dev/zero</c>, is refused with a failure instead of filling memory.
    /// </summary>
    public const long MaxFileBytes = 256L << 20;

    /// <summary>Reads the model in the ONNX file at <paramref name="path"/>.</summary>
    /// <param name="path">The file to read.</param>
    /// <returns>The model, or a failure naming the file and what is wrong.</returns>
    public static Fin<Mlp> LoadMlp(string path)
    {
        byte[] bytes;
        try
        {
            bytes = BoundedFile.ReadAllBytes(path, MaxFileBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return FinFail<Mlp>(Error.New($"{path}: cannot read the ONNX file: {(Directory.Exists(path) ? "it is a directory, not a file" : e.Message)}"));
        }

        return MlpFromBytes(bytes, path);
    }

    /// <summary>Reads a model from the bytes of an ONNX file; see <see cref="LoadMlp"/>.</summary>
    /// <param name="bytes">The file's content.</param>
    /// <param name="source">The name used in error messages, e.g. the file path.</param>
    /// <returns>The model, or a failure naming <paramref name="source"/> and what is wrong.</returns>
    public static Fin<Mlp> MlpFromBytes(ReadOnlySpan<byte> bytes, string source = "<onnx>")
    {
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            return FinFail<Mlp>(Error.New($"{source}: not an ONNX file, or a truncated or corrupted one (the protobuf does not parse: {UntrustedText.Bounded(e.Message, 120)})"));
        }

        try
        {
            return FinSucc(MlpGraphReader.Read(model));
        }
        catch (FormatException e)
        {
            return FinFail<Mlp>(Error.New($"{source}: {e.Message}"));
        }
        catch (ArgumentException e)
        {
            // The reader checks every shape before building; this is the model's own constructor refusing what slipped through.
            return FinFail<Mlp>(Error.New($"{source}: not a model of the shape this library exports: {e.Message}"));
        }
    }
}
