using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;
using Microsoft.ML.OnnxRuntime;

namespace Micrograd.Functional.Onnx.Tests;

/// <summary>
/// The README's "Taking a model further" example of running an exported model with ONNX Runtime, line for line (the README's own
/// snippet test compiles against the library alone, without ONNX Runtime, so this block is checked here).
/// </summary>
public class ReadmeOnnxRuntimeSnippetTests
{
    [Fact]
    public void The_readme_example_scores_two_rows_with_ONNX_Runtime_as_the_library_does()
    {
        var model = Mlp.Create(2, [16, 16, 1]).Train(Datasets.Moons(), TrainingOptions.Micrograd).Last().Model;
        var path = Path.Combine(Directory.CreateTempSubdirectory("onnx-readme-").FullName, "model.onnx");
        Assert.True(OnnxExport.Save(model, path).IsSucc);

        // The README's lines:
        using var session = new InferenceSession(path);
        double[] points = [0.5, -0.25, 1.5, 0.75];                      // two rows of [x, y]
        using var input = OrtValue.CreateTensorValueFromMemory(points, [2, 2]);
        using var results = session.Run(new RunOptions(), ["input"], [input], ["output"]);
        var scores = results[0].GetTensorDataAsSpan<double>().ToArray(); // one score per row, > 0 means class 1

        Assert.Equal(2, scores.Length);
        Assert.Equal(model.Evaluate([0.5, -0.25])[0], scores[0], 1e-12);
        Assert.Equal(model.Evaluate([1.5, 0.75])[0], scores[1], 1e-12);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
