using LanguageExt;
using Microsoft.ML.OnnxRuntime;

namespace Micrograd.Functional.Onnx.Tests;

/// <summary>ONNX Runtime, the outside judge: a session over exported bytes, with every graph optimisation on, and runs of it.</summary>
internal static class Runtime
{
    /// <summary>A session on <paramref name="model"/>; creating it runs ONNX Runtime's model checker and its graph rewrites (all of them by default).</summary>
    internal static InferenceSession Session(byte[] model, GraphOptimizationLevel level = GraphOptimizationLevel.ORT_ENABLE_ALL)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = level };
        return new InferenceSession(model, options);
    }

    /// <summary>The bytes of a successful export, or the test fails with the export's error.</summary>
    internal static byte[] Bytes(Fin<byte[]> export) => export.Match(b => b, e => throw new Xunit.Sdk.XunitException($"export failed: {e.Message}"));

    /// <summary>Runs <paramref name="session"/> on one input tensor and returns the named outputs' numbers, row-major.</summary>
    internal static T[][] Run<T>(InferenceSession session, T[] input, long[] shape, params string[] outputs)
        where T : unmanaged
    {
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var run = new RunOptions();
        using var results = session.Run(run, [OnnxExport.InputName], [value], outputs);
        return [.. results.Select(r => r.GetTensorDataAsSpan<T>().ToArray())];
    }
}
