using System.Text.Json;
using Micrograd.Demo.Artifacts;
using Micrograd.Functional.Nn;
using SkiaSharp;

namespace Micrograd.Functional.Tests.Demo;

/// <summary><c>--dataset blobs --classes K</c>: a model with one output per class, trained with softmax cross-entropy.</summary>
public sealed class KClassRunTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public void Three_blobs_train_a_three_output_model_with_softmax_and_write_every_file()
    {
        var folder = _folder.File("blobs3");
        var result = DemoProcess.Run("--dataset", "blobs", "--classes", "3", "--steps", "20", "--seed", "3", "--optimizer", "adam", "--out", folder);

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}: {result.Error}");
        Assert.Equal(["decision-boundary.png", "model.json", "summary.json", "training.png"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        Assert.Equal(3, summary.RootElement.GetProperty("classes").GetInt32());
        Assert.Equal("ce", summary.RootElement.GetProperty("lossFunction").GetString());
        Assert.Equal([2, 16, 16, 3], summary.RootElement.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.True(summary.RootElement.GetProperty("trainedAccuracy").GetDouble() >= 0.95);
        var model = ModelFile.Load(Path.Combine(folder, "model.json")).ThrowIfFail();
        Assert.Equal(3, model.Outputs);
    }

    [Fact]
    public void The_decision_boundary_picture_paints_a_region_for_each_of_the_three_classes()
    {
        var folder = _folder.File("regions");
        var result = DemoProcess.Run("--dataset", "blobs", "--classes", "3", "--steps", "30", "--seed", "3", "--optimizer", "adam", "--out", folder);
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}: {result.Error}");

        using var image = SKBitmap.Decode(Path.Combine(folder, "decision-boundary.png"));
        var pixels = image.Pixels.Select(p => (p.Red, p.Green, p.Blue)).CountBy(p => p).ToDictionary();
        foreach (var label in new[] { 0, 1, 2 })
        {
            var region = PlotStyle.Region(label);
            var count = pixels.GetValueOrDefault((region.R, region.G, region.B));
            Assert.True(count > 5000, $"the region of class {label} covers {count} pixels");
        }

        Assert.Equal(0, pixels.GetValueOrDefault((PlotStyle.Region(3).R, PlotStyle.Region(3).G, PlotStyle.Region(3).B)));
    }

    [Fact]
    public void Softmax_cross_entropy_also_trains_a_two_output_model_on_binary_data()
    {
        var folder = _folder.File("moons-ce");
        var result = DemoProcess.Run("--loss", "ce", "--steps", "3", "--hidden", "4", "--out", folder);
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}: {result.Error}");
        Assert.Equal([2, 4, 2], ModelFile.Load(Path.Combine(folder, "model.json")).ThrowIfFail().Shape);
    }

    [Theory]
    [InlineData("--classes 3", "--classes applies only to --dataset blobs, not 'moons'")]
    [InlineData("--dataset circles --classes 3", "--classes applies only to --dataset blobs, not 'circles'")]
    [InlineData("--dataset blobs --classes 3 --loss hinge", "--loss hinge is binary and cannot tell 3 classes apart; use --loss ce")]
    [InlineData("--dataset blobs --classes 4 --loss bce", "--loss bce is binary and cannot tell 4 classes apart")]
    [InlineData("--dataset blobs --classes 1", "--classes must be a whole number from 2 to 100 (the number of points), not '1'")]
    [InlineData("--dataset blobs --classes 101", "--classes must be a whole number from 2 to 100 (the number of points), not '101'")]
    [InlineData("--dataset blobs --classes 100000", "--classes must be a whole number from 2 to 100 (the number of points), not '100000'")]
    [InlineData("--dataset blobs --classes x", "--classes must be a whole number from 2 to 100 (the number of points), not 'x'")]
    public void A_wrong_use_of_classes_exits_with_code_2_and_one_line_that_says_why(string arguments, string expected)
    {
        var output = _folder.File("usage");
        var result = DemoProcess.Run([.. arguments.Split(' '), "--out", output]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {expected}", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal("", result.Out);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Three_blobs_by_default_train_with_sgd_from_0_1_and_reach_87_percent_on_the_overlapping_seed_1337_blobs()
    {
        var folder = _folder.File("blobs3-default");
        var result = DemoProcess.Run("--dataset", "blobs", "--classes", "3", "--out", folder);
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}: {result.Error}");
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal("sgd", root.GetProperty("optimizer").GetString());
        Assert.Equal(0.1, root.GetProperty("learningRate").GetProperty("start").GetDouble());
        var losses = root.GetProperty("loss").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.True(losses.Max() == losses[0], $"the loss rose from {losses[0]} to {losses.Max()}"); // at 1.0 it jumped 5.7 → 28.8
        Assert.True(root.GetProperty("trainedAccuracy").GetDouble() >= 0.85, $"trained accuracy {root.GetProperty("trainedAccuracy").GetDouble()}");
    }

    [Fact]
    public void Help_gives_sgds_default_rate_for_more_than_two_classes()
    {
        var help = System.Text.RegularExpressions.Regex.Replace(DemoProcess.Run("--help").Out, @"\s+", " "); // help wraps its lines
        Assert.Contains("sgd starts at 0.1 above 2 classes", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_classes_of_blobs_are_the_binary_default()
    {
        var folder = _folder.File("blobs2");
        var result = DemoProcess.Run("--dataset", "blobs", "--classes", "2", "--steps", "2", "--hidden", "4", "--out", folder);
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}: {result.Error}");
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        Assert.Equal("hinge", summary.RootElement.GetProperty("lossFunction").GetString());
        Assert.Equal(2, summary.RootElement.GetProperty("classes").GetInt32());
    }

    public void Dispose() => _folder.Dispose();
}
