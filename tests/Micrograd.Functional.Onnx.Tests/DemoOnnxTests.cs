using Micrograd.Demo;
using Micrograd.Demo.Artifacts;
using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

namespace Micrograd.Functional.Onnx.Tests;

/// <summary>
/// The demo's <c>--onnx</c> output judged by ONNX Runtime: it scores the training data to the same accuracy as the JSON
/// model, and fresh points it never saw (a held-out check) as the library evaluates <c>model.json</c>.
/// </summary>
public sealed class DemoOnnxTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("onnx-demo-").FullName;

    [Fact]
    public void Micrograd_demo_with_onnx_writes_a_model_ONNX_Runtime_scores_to_the_JSON_model_accuracy_and_agrees_on_fresh_points()
    {
        var output = Path.Combine(_folder, "moons");
        Assert.Equal(0, Run("--onnx", "--out", output));
        var json = (Mlp)ModelFile.Load(Path.Combine(output, ArtifactWriter.ModelName));
        using var session = Runtime.Session(File.ReadAllBytes(Path.Combine(output, ArtifactWriter.OnnxName)));

        var data = Datasets.Moons();
        var scores = Runtime.Run(session, TrainedModels.Rows(data), [data.Count, 2], OnnxExport.OutputName)[0];
        var onnxAccuracy = Classification.Accuracy([.. scores.Select(s => Classification.Predict([s]))], data.Labels);
        Assert.Equal(Training.Accuracy(json, data), onnxAccuracy);
        Assert.Equal(1.0, onnxAccuracy); // micrograd's demo ends at 100%

        // Held out: 2,000 points from another draw of the moons and from the plane around them.
        var random = new Random(2026);
        var fresh = Datasets.Moons(samples: 1000, seed: 2026).Features.SelectMany(r => r)
            .Concat(Enumerable.Range(0, 2000).Select(_ => 6 * random.NextDouble() - 3)).ToArray();
        var n = fresh.Length / 2;
        var heldOut = Runtime.Run(session, fresh, [n, 2], OnnxExport.OutputName)[0];
        for (var r = 0; r < n; r++)
        {
            var expected = json.Evaluate(fresh.AsSpan(2 * r, 2))[0];
            Assert.True(Math.Abs(heldOut[r] - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)), FormattableString.Invariant($"point {r}: model.json {expected:R}, model.onnx {heldOut[r]:R}"));
        }
    }

    [Fact]
    public void A_three_class_demo_run_with_onnx_gives_ONNX_Runtime_the_same_classes_and_probabilities_that_sum_to_one()
    {
        var output = Path.Combine(_folder, "blobs");
        Assert.Equal(0, Run("--dataset", "blobs", "--classes", "3", "--steps", "30", "--onnx", "--out", output));
        var json = (Mlp)ModelFile.Load(Path.Combine(output, ArtifactWriter.ModelName));
        using var session = Runtime.Session(File.ReadAllBytes(Path.Combine(output, ArtifactWriter.OnnxName)));

        var data = Datasets.Blobs(classes: 3);
        var results = Runtime.Run(session, TrainedModels.Rows(data), [data.Count, 2], OnnxExport.OutputName, OnnxExport.ProbabilitiesName);
        for (var r = 0; r < data.Count; r++)
        {
            Assert.Equal(json.Classify(data.Features[r].AsSpan()), Classification.Predict(results[0].AsSpan(3 * r, 3)));
            Assert.Equal(1.0, results[1][3 * r] + results[1][3 * r + 1] + results[1][3 * r + 2], 12);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static int Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Run(args, stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        return code;
    }
}
