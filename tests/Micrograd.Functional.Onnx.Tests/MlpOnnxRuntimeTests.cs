using Micrograd.Functional.Nn;
using Xunit.Abstractions;

namespace Micrograd.Functional.Onnx.Tests;

/// <summary>Exported models run by ONNX Runtime (all graph rewrites on) against <see cref="Mlp.Evaluate"/>.</summary>
public class MlpOnnxRuntimeTests(ITestOutputHelper output)
{
    public static TheoryData<string> Datasets => ["moons", "circles", "blobs"];

    /// <summary>
    /// Gemm sums each neuron's products in its own order, not micrograd's bias first and left to right, so the scores agree
    /// to rounding: |ONNX − Evaluate| ≤ 1e-12 · max(1, |Evaluate|), relative for large scores and absolute near 0.
    /// </summary>
    [Theory]
    [MemberData(nameof(Datasets))]
    public void A_trained_model_scores_every_row_in_ONNX_Runtime_as_Evaluate_does_within_1e_12(string dataset)
    {
        var (data, model) = TrainedModels.On(dataset);
        using var session = Runtime.Session(Runtime.Bytes(OnnxExport.ToBytes(model)));
        var scores = Runtime.Run(session, TrainedModels.Rows(data), [data.Count, model.Inputs], OnnxExport.OutputName)[0];
        var worst = 0.0;
        for (var r = 0; r < data.Count; r++)
        {
            var expected = model.Evaluate(data.Features[r].AsSpan());
            for (var j = 0; j < model.Outputs; j++)
            {
                var actual = scores[r * model.Outputs + j];
                worst = Math.Max(worst, Math.Abs(actual - expected[j]) / Math.Max(1, Math.Abs(expected[j])));
                Assert.True(Math.Abs(actual - expected[j]) <= 1e-12 * Math.Max(1, Math.Abs(expected[j])), FormattableString.Invariant($"row {r}, output {j}: Evaluate {expected[j]:R}, ONNX Runtime {actual:R}"));
            }
        }

        output.WriteLine($"{dataset}: worst relative difference {worst:E2}");
    }

    /// <summary>
    /// A float32 export rounds every weight and input to the nearest float (relative error 2⁻²⁴ ≈ 6e-8) and computes in
    /// floats; over a few layers of sums of up to 16 products that grows to a few 1e-7 of the scores (at most 3.4e-7 here).
    /// The bound asked, 1e-5 · max(1, |score|), is 16 float ulps of the terms' size, and the predicted class must agree
    /// wherever the score is further than 1e-3 from a tie.
    /// </summary>
    [Theory]
    [MemberData(nameof(Datasets))]
    public void A_float32_export_scores_within_float_rounding_and_predicts_the_same_classes(string dataset)
    {
        var (data, model) = TrainedModels.On(dataset);
        using var session = Runtime.Session(Runtime.Bytes(OnnxExport.ToBytes(model, new OnnxExportOptions { Precision = OnnxPrecision.Float32 })));
        Assert.Equal(typeof(float), session.InputMetadata[OnnxExport.InputName].ElementType);
        var rows = TrainedModels.Rows(data).Select(x => (float)x).ToArray();
        var scores = Runtime.Run(session, rows, [data.Count, model.Inputs], OnnxExport.OutputName)[0];
        var worst = 0.0;
        for (var r = 0; r < data.Count; r++)
        {
            var expected = model.Evaluate(data.Features[r].AsSpan());
            var actual = scores.AsSpan(r * model.Outputs, model.Outputs).ToArray().Select(s => (double)s).ToArray();
            for (var j = 0; j < model.Outputs; j++)
            {
                worst = Math.Max(worst, Math.Abs(actual[j] - expected[j]) / Math.Max(1, Math.Abs(expected[j])));
                Assert.True(Math.Abs(actual[j] - expected[j]) <= 1e-5 * Math.Max(1, Math.Abs(expected[j])), FormattableString.Invariant($"row {r}, output {j}: Evaluate {expected[j]:R}, ONNX Runtime (float32) {actual[j]:R}"));
            }

            if (Margin(expected) > 1e-3)
            {
                Assert.Equal(Classification.Predict(expected), Classification.Predict(actual));
            }
        }

        output.WriteLine($"{dataset} float32: worst relative difference {worst:E2}");
    }

    [Fact]
    public void The_batch_dimension_is_symbolic_so_one_session_scores_one_row_or_many()
    {
        var (data, model) = TrainedModels.On("moons");
        using var session = Runtime.Session(Runtime.Bytes(OnnxExport.ToBytes(model)));
        var input = session.InputMetadata[OnnxExport.InputName];
        Assert.Equal([-1, 2], input.Dimensions);
        Assert.Equal(OnnxExport.BatchDimension, input.SymbolicDimensions[0]);
        Assert.Equal([-1, 1], session.OutputMetadata[OnnxExport.OutputName].Dimensions);
        var rows = TrainedModels.Rows(data);
        foreach (var n in new[] { 1, 7, data.Count })
        {
            var scores = Runtime.Run(session, rows[..(2 * n)], [n, 2], OnnxExport.OutputName)[0];
            Assert.Equal(n, scores.Length);
            Tolerance(model.Evaluate(data.Features[n - 1].AsSpan())[0], scores[n - 1]);
        }
    }

    [Fact]
    public void The_metadata_names_the_architecture_the_activations_and_the_training()
    {
        var (_, model) = TrainedModels.On("circles");
        var options = new OnnxExportOptions { TrainingSummary = "circles, hinge loss, sgd, 20 steps" };
        using var session = Runtime.Session(Runtime.Bytes(OnnxExport.ToBytes(model, options)));
        var metadata = session.ModelMetadata.CustomMetadataMap;
        Assert.Equal("2-8-8-1", metadata[OnnxExport.ArchitectureKey]);
        Assert.Equal("tanh,tanh,linear", metadata[OnnxExport.ActivationsKey]);
        Assert.Equal("circles, hinge loss, sgd, 20 steps", metadata[OnnxExport.TrainingKey]);
        Assert.Equal(64, metadata[OnnxExport.ParametersDigestKey].Length);
        Assert.Equal(OnnxExport.ProducerName, session.ModelMetadata.ProducerName);
        Assert.DoesNotContain(OnnxExport.TrainingKey, Runtime.Session(Runtime.Bytes(OnnxExport.ToBytes(model))).ModelMetadata.CustomMetadataMap.Keys);
    }

    [Fact]
    public void A_k_class_model_can_add_softmax_probabilities_equal_to_the_closed_form_of_its_scores()
    {
        var (data, model) = TrainedModels.On("blobs");
        using var session = Runtime.Session(Runtime.Bytes(OnnxExport.ToBytes(model, new OnnxExportOptions { SoftmaxOutput = true })));
        var results = Runtime.Run(session, TrainedModels.Rows(data), [data.Count, 2], OnnxExport.OutputName, OnnxExport.ProbabilitiesName);
        for (var r = 0; r < data.Count; r++)
        {
            var scores = model.Evaluate(data.Features[r].AsSpan());
            var top = scores.Max();
            var sum = scores.Sum(s => Math.Exp(s - top));
            for (var j = 0; j < 3; j++)
            {
                Tolerance(Math.Exp(scores[j] - top) / sum, results[1][3 * r + j]); // pⱼ = e^(sⱼ − max) / Σₖ e^(sₖ − max)
            }
        }
    }

    [Fact]
    public void A_softmax_output_on_a_one_output_model_and_a_layer_mixing_activations_are_refused_with_the_reason()
    {
        var (_, binary) = TrainedModels.On("moons");
        var softmax = OnnxExport.ToBytes(binary, new OnnxExportOptions { SoftmaxOutput = true }).Match(_ => "", e => e.Message);
        Assert.Contains("needs a k-class model (2 outputs or more); this model has 1 output", softmax);

        var layer = binary.Layers[0];
        var mixed = new Mlp(2, [new Layer([layer.Neurons[0], layer.Neurons[1] with { Activation = Activation.Tanh }, .. layer.Neurons[2..]]), .. binary.Layers[1..]]);
        var error = OnnxExport.ToBytes(mixed).Match(_ => "", e => e.Message);
        Assert.Contains("Layer 0 mixes activations (Relu, Tanh)", error);
    }

    [Fact]
    public void Saving_writes_a_file_ONNX_Runtime_loads_and_refuses_a_null_model_or_a_blank_path()
    {
        var (data, model) = TrainedModels.On("moons");
        var folder = Directory.CreateTempSubdirectory("onnx-model-").FullName;
        try
        {
            var path = Path.Combine(folder, "model.onnx");
            Assert.True(OnnxExport.Save(model, path).IsSucc);
            Assert.Equal([path], Directory.GetFiles(folder)); // no temporary file left beside it
            using var session = Runtime.Session(File.ReadAllBytes(path));
            Tolerance(model.Evaluate(data.Features[0].AsSpan())[0], Runtime.Run(session, [.. data.Features[0]], [1, 2], OnnxExport.OutputName)[0][0]);
            Assert.Throws<ArgumentNullException>("model", () => OnnxExport.Save((Mlp)null!, path));
            Assert.Throws<ArgumentException>("path", () => OnnxExport.Save(model, ""));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Tolerance(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)), FormattableString.Invariant($"expected {expected:R}, ONNX Runtime {actual:R}"));

    /// <summary>How far the prediction is from a tie: |score| for one output, the gap between the two largest for k.</summary>
    private static double Margin(double[] scores) => scores.Length == 1 ? Math.Abs(scores[0]) : scores.Max() - scores.OrderDescending().ElementAt(1);
}
