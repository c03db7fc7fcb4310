using System.Text.Json;
using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

namespace Micrograd.Functional.Tests.Demo;

/// <summary>Short runs on the other datasets, losses and optimizers complete and write their files.</summary>
public sealed class OtherRunTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Theory]
    [InlineData("circles", "bce", "adam", "relu")]
    [InlineData("blobs", "mse", "momentum", "tanh")]
    [InlineData("moons", "hinge", "adam", "sigmoid")]
    public void A_short_run_on_any_toy_set_writes_all_four_files(string dataset, string loss, string optimizer, string activation)
    {
        var folder = _folder.File(dataset);
        var result = DemoProcess.Run("--dataset", dataset, "--loss", loss, "--optimizer", optimizer, "--activation", activation, "--steps", "3", "--hidden", "4", "--out", folder);

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}: {result.Error}");
        Assert.Equal(4, result.OutLines.Length);
        Assert.Equal(["decision-boundary.png", "model.json", "summary.json", "training.png"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        Assert.Equal(3, summary.RootElement.GetProperty("loss").GetArrayLength());
        Assert.Equal(optimizer, summary.RootElement.GetProperty("optimizer").GetString());
        Assert.Equal(loss, summary.RootElement.GetProperty("lossFunction").GetString());
    }

    [Fact]
    public void A_csv_file_trains_with_minibatches_and_the_default_folder_is_named_after_it()
    {
        var csv = _folder.File("points.csv");
        Assert.True(Csv.Save(Datasets.Circles(samples: 40, factor: 0.5, seed: 7), csv).IsSucc);
        var output = _folder.File("out");
        var result = DemoProcess.Run("--dataset", $"csv:{csv}", "--batch-size", "10", "--steps", "4", "--hidden", "8", "--out", output);

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}: {result.Error}");
        Assert.Equal(5, result.OutLines.Length);
        Assert.All(result.OutLines.Take(4), line => Assert.StartsWith("step ", line, StringComparison.Ordinal));
        PngFile.ReadSize(Path.Combine(output, "decision-boundary.png"));
        Assert.True(ModelFile.Load(Path.Combine(output, "model.json")).IsSucc);
    }

    [Fact]
    public void Data_with_three_features_trains_but_draws_no_decision_boundary()
    {
        var csv = _folder.File("three.csv");
        File.WriteAllText(csv, "a,b,c,label\n0,0,1,0\n1,1,0,1\n0,1,1,0\n1,0,0,1\n");
        var output = _folder.File("out3");
        var result = DemoProcess.Run("--dataset", $"csv:{csv}", "--steps", "2", "--out", output);

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}: {result.Error}");
        Assert.Equal(["model.json", "summary.json", "training.png"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var model = ModelFile.Load(Path.Combine(output, "model.json")).Match(Succ: m => m, Fail: e => throw new Xunit.Sdk.XunitException(e.Message));
        Assert.Equal([3, 16, 16, 1], model.Shape);
    }

    [Fact]
    public void A_diverging_run_exits_with_code_1_and_one_line_that_says_so()
    {
        var output = _folder.File("diverged");
        var result = DemoProcess.Run("--loss", "mse", "--lr", "10", "--steps", "30", "--out", output);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Matches(@"^error: training diverged at step \d+: the loss is (NaN|Infinity|-Infinity); try a smaller --lr \(this run started at 10\)$", line);
        Assert.False(File.Exists(Path.Combine(output, "model.json")));
    }

    [Fact]
    public void The_learning_rate_decays_from_lr_to_a_tenth_of_it()
    {
        using var summary = ShortRun("--optimizer", "sgd", "--lr", "0.5");
        var rate = summary.RootElement.GetProperty("learningRate");
        Assert.Equal(0.5, rate.GetProperty("start").GetDouble());
        Assert.Equal(0.05, rate.GetProperty("end").GetDouble());
    }

    public void Dispose() => _folder.Dispose();

    private JsonDocument ShortRun(params string[] args)
    {
        var output = _folder.File(Guid.NewGuid().ToString("N"));
        var result = DemoProcess.Run([.. args, "--steps", "1", "--hidden", "2", "--out", output]);
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}: {result.Error}");
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
    }
}
