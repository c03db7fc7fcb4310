using Micrograd.Demo;
using Micrograd.Demo.Artifacts;
using Micrograd.Functional.Data;

namespace Micrograd.Functional.Tests.Demo;

/// <summary>The output folder holds either the old artifact set or the whole new one: never a mix, never an empty or partial folder.</summary>
public sealed class ArtifactSetTests : IDisposable
{
    private static readonly string[] FourFiles = ["decision-boundary.png", "model.json", "summary.json", "training.png"];

    private readonly TemporaryFolder _folder = new();

    [Fact]
    public void A_successful_run_replaces_the_whole_set_so_no_old_file_stays_beside_the_new_ones()
    {
        var output = _folder.File("out");
        Assert.Equal(0, DemoProcess.Run("--steps", "1", "--hidden", "2", "--out", output).ExitCode);
        Assert.Equal(FourFiles, Names(output));

        var csv = _folder.File("three.csv");
        File.WriteAllText(csv, "a,b,c,label\n0,0,1,0\n1,1,0,1\n0,1,1,0\n1,0,0,1\n");
        var result = DemoProcess.Run("--dataset", $"csv:{csv}", "--steps", "1", "--hidden", "2", "--out", output);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(["model.json", "summary.json", "training.png"], Names(output)); // the old decision boundary is gone with the old set
        Assert.Equal(["out", "three.csv"], Names(_folder.Path)); // no staging or backup folder left beside it
    }

    [Fact]
    public void A_failure_in_the_middle_of_writing_leaves_the_old_set_intact_and_no_staging_folder()
    {
        var output = _folder.File("out");
        Directory.CreateDirectory(output);
        foreach (var name in FourFiles)
        {
            File.WriteAllText(Path.Combine(output, name), "old " + name);
        }

        var prepared = OutputFolder.Prepare(output, FourFiles);
        using var folder = prepared.Match(Succ: f => f, Fail: e => throw new Xunit.Sdk.XunitException(e.Message));
        var replaced = folder.Replace<LanguageExt.Unit>(staging =>
        {
            File.WriteAllText(Path.Combine(staging, "training.png"), "new");
            throw new IOException("No space left on device");
        });

        Assert.True(replaced.IsFail);
        Assert.Contains("No space left on device", replaced.Match(Succ: _ => "", Fail: e => e.Message));
        Assert.Equal(FourFiles, Names(output));
        Assert.All(FourFiles, name => Assert.Equal("old " + name, File.ReadAllText(Path.Combine(output, name))));
        Assert.Equal(["out"], Names(_folder.Path));
    }

    [Fact]
    public void A_failing_run_with_no_previous_set_leaves_no_folder_not_even_the_parents_it_created()
    {
        var result = DemoProcess.Run("--loss", "mse", "--lr", "10", "--steps", "30", "--out", _folder.File("a", "b", "out"));

        Assert.Equal(ExitCode.Failure, result.ExitCode);
        Assert.Empty(Names(_folder.Path));
    }

    [Fact]
    public void Divergence_in_the_last_update_is_reported_as_divergence_and_leaves_the_old_set_untouched()
    {
        var output = _folder.File("out");
        Assert.Equal(0, DemoProcess.Run("--dataset", "blobs", "--steps", "1", "--hidden", "2", "--lr", "0.1", "--out", output).ExitCode);
        var before = FourFiles.Select(name => File.ReadAllBytes(Path.Combine(output, name))).ToArray();

        var result = DemoProcess.Run("--dataset", "blobs", "--steps", "1", "--lr", "1e308", "--out", output);

        Assert.Equal(ExitCode.Failure, result.ExitCode);
        Assert.Matches(@"^error: training diverged at step 0: parameter \d+ is (Infinity|-Infinity|NaN) after the update; try a smaller --lr \(this run started at 1E\+308\)$", Assert.Single(result.ErrorLines));
        Assert.Equal(before, FourFiles.Select(name => File.ReadAllBytes(Path.Combine(output, name))));
        Assert.Equal(["out"], Names(_folder.Path));
    }

    [Fact]
    public void An_output_folder_holding_files_the_demo_did_not_write_is_refused_before_training_and_kept()
    {
        var output = _folder.File("mine");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "precious");

        var result = DemoProcess.Run("--steps", "1", "--out", output);

        Assert.Equal(ExitCode.Usage, result.ExitCode);
        Assert.Contains("holds 'notes.txt', which the demo did not write", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal("", result.Out);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(output, "notes.txt")));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void The_current_folder_or_one_holding_it_is_refused_as_out_since_the_whole_folder_is_replaced(string output)
    {
        var result = DemoProcess.Run("--steps", "1", "--out", output);

        Assert.Equal(ExitCode.Usage, result.ExitCode);
        Assert.Contains("is the current folder or holds it", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_path_that_is_a_file_is_refused_and_the_file_kept()
    {
        var file = _folder.File("model.json");
        File.WriteAllText(file, "mine");

        var result = DemoProcess.Run("--steps", "1", "--out", file);

        Assert.Equal(ExitCode.Usage, result.ExitCode);
        Assert.Contains("is a file, not a folder", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(file));
    }

    [Theory]
    [InlineData("..", "csv")]
    [InlineData(".", "csv")]
    [InlineData("", "csv")]
    [InlineData("...", "csv")]
    [InlineData("a/b", "a_b")]
    [InlineData("a\\b", "a_b")]
    [InlineData(".hidden", "hidden")]
    [InlineData("points", "points")]
    public void The_default_folder_of_a_csv_file_is_a_safe_name_inside_artifacts(string datasetName, string expected)
    {
        Assert.Equal(Path.Combine("artifacts", expected), TrainCommand.DefaultFolder(new Dataset([[0.0]], [0], datasetName)));
    }

    public void Dispose() => _folder.Dispose();

    private static string[] Names(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
}
