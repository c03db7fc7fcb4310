using System.Globalization;
using Micrograd.Demo;
using Micrograd.Demo.Settings;
using Micrograd.Functional.Data;

namespace Micrograd.Functional.Tests.Demo;

/// <summary>
/// A run that cannot fit in its memory budget is refused in one line (exit 3) before the model is built; one the
/// estimate accepts fits; and memory that runs out all the same is exit 3 in one line, never the runtime's abort (134).
/// </summary>
public sealed class MemoryBudgetTests : IDisposable
{
    private const long HeapLimit = 512L << 20;
    private readonly TemporaryFolder _folder = new();

    [Theory]
    [InlineData("graph")]
    public async Task A_run_estimated_just_under_the_budget_finishes_under_a_GC_heap_limit_of_that_size(string engine)
    {
        // The estimate is an upper bound where it matters: the largest full-batch run it accepts for a 512 MiB budget
        // really trains in a 512 MiB heap.
        var settings = Settings(engine) with { MemoryBudget = new Parsed<long>(HeapLimit, "512M") };
        var rows = 100;
        while (MemoryEstimate.Of(settings, Rows(rows * 2)).Bytes <= HeapLimit)
        {
            rows *= 2;
        }

        for (var step = rows / 2; step >= 25; step /= 2)
        {
            rows += MemoryEstimate.Of(settings, Rows(rows + step)).Bytes <= HeapLimit ? step : 0;
        }

        Assert.InRange(MemoryEstimate.Of(settings, Rows(rows)).Bytes / HeapLimit, 0.95, 1.0);
        var result = await DemoChild.RunAsync(Limit(HeapLimit),
            "--dataset", $"csv:{Csv(rows)}", "--engine", engine, "--steps", "2", "--memory-budget", "512M", "--out", _folder.File("fits"));

        Assert.True(result.ExitCode == 0, $"{rows} rows, exit {result.ExitCode}: {result.Error}");
        Assert.Contains("step 1 loss ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_compiled_engine_needs_memory_for_its_tapes_not_for_its_rows_and_fits_what_the_estimate_accepts()
    {
        // The compiled engine maps one small tape per class over the rows: 50,000 rows a step fit in a 128 MiB heap.
        var settings = Settings("compiled") with { MemoryBudget = new Parsed<long>(128L << 20, "128M") };
        Assert.True(MemoryEstimate.Of(settings, Rows(50_000)).Bytes <= 128L << 20);
        Assert.Equal(MemoryEstimate.Of(settings, Rows(100)).StepBytes, MemoryEstimate.Of(settings, Rows(50_000)).StepBytes);
        var result = await DemoChild.RunAsync(Limit(128L << 20),
            "--dataset", $"csv:{Csv(50_000)}", "--steps", "2", "--memory-budget", "128M", "--out", _folder.File("fits"));
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
    }

    [Fact]
    public void A_run_over_the_budget_is_refused_in_one_line_before_the_output_folder_is_made()
    {
        var output = _folder.File("never", "made");
        var result = DemoProcess.Run("--dataset", $"csv:{Csv(4000)}", "--engine", "graph", "--steps", "2", "--memory-budget", "256M", "--out", output);

        Assert.Equal(ExitCode.OutOfMemory, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: a model of 337 parameters trained on 4,000 rows per step needs about ", line, StringComparison.Ordinal);
        Assert.Contains(", more than the memory budget of 256 MiB (--memory-budget 256M); use the compiled engine (--engine compiled", line, StringComparison.Ordinal);
        Assert.Empty(result.Out);
        Assert.False(Directory.Exists(_folder.File("never")));
    }

    [Fact]
    public void The_same_data_trains_on_the_compiled_engine_or_on_minibatches_within_that_budget()
    {
        var compiled = DemoProcess.Run("--dataset", $"csv:{Csv(4000)}", "--steps", "2", "--memory-budget", "256M", "--out", _folder.File("compiled"));
        Assert.True(compiled.ExitCode == 0, compiled.Error);
        var batched = DemoProcess.Run("--dataset", $"csv:{Csv(4000)}", "--engine", "graph", "--steps", "2", "--batch-size", "1000", "--memory-budget", "256M", "--out", _folder.File("batched"));
        Assert.True(batched.ExitCode == 0, batched.Error);
    }

    [Fact]
    public void A_hidden_width_of_two_to_the_31st_is_refused_in_one_line_not_an_abort()
    {
        var result = DemoProcess.Run("--hidden", "2147483647", "--steps", "1", "--out", _folder.File("huge"));

        Assert.Equal(ExitCode.OutOfMemory, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: this run needs about ", line, StringComparison.Ordinal);
        Assert.Contains(" even at its leanest, more than the memory budget of ", line, StringComparison.Ordinal);
        Assert.Contains(": a model of 8,589,934,589 parameters does not fit even on minibatches; use smaller --hidden layers", line, StringComparison.Ordinal); // 3·2³¹ − 3 + 2³¹
    }

    [Fact]
    public void When_the_compiled_engines_tapes_do_not_fit_the_refusal_names_the_graph_engine_and_that_choice_runs()
    {
        // 100 classes and 300-wide layers: 121,300 parameters. The compiled engine needs one tape per class (about
        // 5 GiB), whatever the rows; the graph engine's one row per step needs about 30 MiB.
        string[] run = ["--dataset", "blobs", "--classes", "100", "--hidden", "300,300", "--steps", "1", "--memory-budget", "768M"];
        var refused = DemoProcess.Run([.. run, "--out", _folder.File("k")]);
        Assert.Equal(ExitCode.OutOfMemory, refused.ExitCode);
        Assert.Contains("a model of 121,300 parameters needs about ", refused.Error, StringComparison.Ordinal);
        Assert.Contains("train on minibatches of a few rows with the graph engine (--engine graph --batch-size 1)", refused.Error, StringComparison.Ordinal);

        var advised = DemoProcess.Run([.. run, "--engine", "graph", "--batch-size", "1", "--out", _folder.File("k")]);
        Assert.True(advised.ExitCode == 0, advised.Error);
    }

    [Fact]
    public void When_the_data_itself_is_too_big_the_refusal_says_so_not_to_shrink_the_model()
    {
        var result = DemoProcess.Run("--dataset", $"csv:{Csv(400_000)}", "--hidden", "none", "--batch-size", "10", "--memory-budget", "40M", "--out", _folder.File("d"));

        Assert.Equal(ExitCode.OutOfMemory, result.ExitCode);
        Assert.Contains("even at its leanest, more than the memory budget of 40 MiB (--memory-budget 40M): the data (400,000 rows) does not fit; use a smaller data file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Memory_that_runs_out_all_the_same_is_exit_3_in_one_line_and_the_old_set_stays()
    {
        var output = _folder.File("kept");
        Assert.Equal(0, DemoProcess.Run("--steps", "2", "--out", output).ExitCode);
        var before = Snapshot(output);

        // A budget far above the real heap limit: the estimate lets the run start, and the heap runs out.
        var result = await DemoChild.RunAsync(Limit(256L << 20), "--dataset", $"csv:{Csv(8000)}", "--engine", "graph", "--steps", "2", "--memory-budget", "100G", "--out", output);

        Assert.Equal(ExitCode.OutOfMemory, result.ExitCode);
        Assert.StartsWith("error: out of memory while training (256 MiB available to this process); no files were written.", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(output));
        Assert.Equal(["kept"], Directory.GetFileSystemEntries(_folder.Path).Select(Path.GetFileName).Where(n => n!.Contains("kept", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_environment_variable_sets_the_budget_and_a_bad_value_is_a_usage_error_naming_it()
    {
        var refused = await DemoChild.RunAsync(new Dictionary<string, string> { [MemoryBudget.Variable] = "1M" }, "--steps", "1", "--out", _folder.File("env"));
        Assert.Equal(ExitCode.OutOfMemory, refused.ExitCode);
        Assert.Contains("more than the memory budget of 1 MiB (MICROGRAD_MEMORY_BUDGET=1M)", refused.Error, StringComparison.Ordinal);

        var bad = await DemoChild.RunAsync(new Dictionary<string, string> { [MemoryBudget.Variable] = "lots" }, "--steps", "1", "--out", _folder.File("env"));
        Assert.Equal(ExitCode.Usage, bad.ExitCode);
        Assert.StartsWith("error: MICROGRAD_MEMORY_BUDGET must be a size such as 512M", Assert.Single(bad.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.File("env")));
    }

    public void Dispose() => _folder.Dispose();

    private static Dictionary<string, string> Limit(long bytes) =>
        new() { ["DOTNET_GCHeapHardLimit"] = "0x" + bytes.ToString("x", CultureInfo.InvariantCulture) };

    private static DemoSettings Settings(string engine)
    {
        var options = new TrainOptions();
        var command = new System.CommandLine.Command("micrograd");
        options.AddTo(command);
        return options.Read(command.Parse(["--engine", engine]));
    }

    /// <summary>Two features and a label per row: the estimate reads only the counts.</summary>
    private static Dataset Rows(int count) =>
        new([.. Enumerable.Repeat(System.Collections.Immutable.ImmutableArray.Create(0.0, 0.0), count)], [.. Enumerable.Range(0, count).Select(i => i % 2)], "rows");

    private string Csv(int count) => RandomPointsCsv.Write(_folder.File($"rows-{count}.csv"), count);

    private static Dictionary<string, long> Snapshot(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), f => File.GetLastWriteTimeUtc(f).Ticks);
}
