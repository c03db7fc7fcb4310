using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;
using Micrograd.Functional.Tests.Engine;

namespace Micrograd.Functional.Tests.Demo;

/// <summary>
/// With no options the demo is micrograd's demo.ipynb: it prints the notebook's lines and writes the two plots,
/// the summary and the model. The reference numbers are the notebook's printed output.
/// </summary>
public partial class DefaultRunTests(DefaultRunFixture run) : IClassFixture<DefaultRunFixture>
{
    [Fact]
    public void The_default_run_succeeds_and_writes_exactly_the_four_files()
    {
        Assert.True(run.Result.ExitCode == 0, $"exit code {run.Result.ExitCode}: {run.Result.Error}");
        Assert.Equal("", run.Result.Error);
        Assert.Equal(
            ["decision-boundary.png", "model.json", "summary.json", "training.png"],
            Directory.GetFiles(run.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Redirected_output_is_one_micrograd_line_per_step_then_where_the_files_went()
    {
        var lines = run.Result.OutLines;
        Assert.Equal(101, lines.Length);
        for (var k = 0; k < 100; k++)
        {
            Assert.Matches(StepLine(), lines[k]);
            Assert.StartsWith($"step {k} loss ", lines[k], StringComparison.Ordinal);
        }

        Assert.Matches(@"^step 0 loss 0\.89584410\d*, accuracy 50\.0%$", lines[0]);
        Assert.EndsWith(", accuracy 100.0%", lines[99], StringComparison.Ordinal);
        Assert.Matches(@"^wrote decision-boundary\.png, training\.png, summary\.json, model\.json to .+ in \d+\.\d\d s \(training \d+\.\d\d s\)$", lines[100]);
        Assert.Contains(run.Folder, lines[100], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("decision-boundary.png")]
    [InlineData("training.png")]
    public void Each_plot_is_a_real_png_of_a_readable_size(string name)
    {
        var (width, height) = PngFile.ReadSize(run.File(name));
        Assert.InRange(width, 400, 2000);
        Assert.InRange(height, 300, 2000);
        Assert.InRange(new FileInfo(run.File(name)).Length, 10_000, 2_000_000);
    }

    [Fact]
    public void The_summary_has_one_loss_and_accuracy_per_step_and_ends_at_100_percent()
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(run.File("summary.json")));
        var root = summary.RootElement;
        var loss = root.GetProperty("loss").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var accuracy = root.GetProperty("accuracy").EnumerateArray().Select(e => e.GetDouble()).ToArray();

        Assert.Equal(100, root.GetProperty("steps").GetInt32());
        Assert.Equal(100, loss.Length);
        Assert.Equal(100, accuracy.Length);
        Assert.Equal(1.0, root.GetProperty("finalAccuracy").GetDouble());
        Assert.Equal(loss[^1], root.GetProperty("finalLoss").GetDouble());
        Tolerance.Relative(0.8958441028683222, loss[0], 1e-9, "step 0 loss");
        Tolerance.Relative(0.010978370135492717, loss[99], 1e-9, "step 99 loss");
        Assert.InRange(root.GetProperty("seconds").GetDouble(), 0.001, 600);
        Assert.Equal("moons", root.GetProperty("dataset").GetString());
        Assert.Equal([2, 16, 16, 1], root.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("sgd", root.GetProperty("optimizer").GetString());
    }

    [Fact]
    public void The_saved_model_loads_and_classifies_every_training_point_correctly()
    {
        var model = ModelFile.Load(run.File("model.json")).Match(Succ: m => m, Fail: e => throw new Xunit.Sdk.XunitException(e.Message));
        Assert.Equal([2, 16, 16, 1], model.Shape);
        var data = Datasets.Moons();
        var scores = data.Features.Select(x => model.Evaluate(x.AsSpan())[0]).ToArray();
        Assert.Equal(1.0, Loss.Accuracy(scores, data.Labels));
    }

    [Fact]
    public void The_step_lines_carry_the_same_losses_as_the_summary()
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(run.File("summary.json")));
        var loss = summary.RootElement.GetProperty("loss").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var printed = run.Result.OutLines.Take(100).Select(line => double.Parse(StepLine().Match(line).Groups["loss"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(loss, printed);
    }

    [GeneratedRegex(@"^step (?<step>\d+) loss (?<loss>[-0-9.e+]+), accuracy (?<accuracy>\d+\.\d+)%$")]
    private static partial Regex StepLine();
}
