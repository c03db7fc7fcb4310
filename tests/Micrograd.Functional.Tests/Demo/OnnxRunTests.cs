using Micrograd.Demo.Artifacts;
using Micrograd.Functional.Nn;
using Micrograd.Functional.Onnx;

namespace Micrograd.Functional.Tests.Demo;

/// <summary><c>--onnx</c>: the set also holds <c>model.onnx</c>, the same model as <c>model.json</c>, replaced with the rest of the set.</summary>
public sealed class OnnxRunTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public void With_onnx_the_set_holds_model_onnx_and_it_reads_back_as_the_model_json_model_bit_for_bit()
    {
        var output = _folder.File("out");
        var result = DemoProcess.Run("--steps", "5", "--onnx", "--out", output);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(["decision-boundary.png", "model.json", "model.onnx", "summary.json", "training.png"], Names(output));
        Assert.Contains("model.json, model.onnx to", result.OutLines[^1]);
        var json = (Mlp)ModelFile.Load(Path.Combine(output, ArtifactWriter.ModelName));
        var onnx = OnnxImport.LoadMlp(Path.Combine(output, ArtifactWriter.OnnxName)).Match(m => m, e => throw new Xunit.Sdk.XunitException(e.Message));
        Assert.Equal(json.Shape, onnx.Shape);
        Assert.Equal(json.ParameterValues().Select(BitConverter.DoubleToInt64Bits), onnx.ParameterValues().Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void A_later_run_without_onnx_replaces_the_set_so_no_stale_model_onnx_stays_beside_the_new_model_json()
    {
        var output = _folder.File("out");
        Assert.Equal(0, DemoProcess.Run("--steps", "1", "--hidden", "2", "--onnx", "--out", output).ExitCode);
        Assert.Contains("model.onnx", Names(output));

        var result = DemoProcess.Run("--steps", "1", "--hidden", "2", "--out", output);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(["decision-boundary.png", "model.json", "summary.json", "training.png"], Names(output));
    }

    [Fact]
    public void A_k_class_run_writes_an_onnx_model_with_one_score_per_class_that_reads_back()
    {
        var output = _folder.File("blobs");
        var result = DemoProcess.Run("--dataset", "blobs", "--classes", "3", "--steps", "3", "--onnx", "--out", output);

        Assert.True(result.ExitCode == 0, result.Error);
        var onnx = (Mlp)OnnxImport.LoadMlp(Path.Combine(output, ArtifactWriter.OnnxName));
        Assert.Equal(3, onnx.Outputs);
    }

    public void Dispose() => _folder.Dispose();

    private static string[] Names(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
}
