using Micrograd.Demo;

namespace Micrograd.Functional.Tests.Demo;

/// <summary>A run that cannot finish says why in one line, exits non-zero, and leaves no half-written files.</summary>
public sealed class FailureTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public void Cancelling_exits_with_130_and_leaves_no_output_folder()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var output = _folder.File("cancelled");
        var code = Cli.Run(["--out", output], stdout, stderr, cancellation: new CancellationToken(canceled: true));

        Assert.Equal(ExitCode.Cancelled, code);
        Assert.Equal("error: cancelled; no files were written", stderr.ToString().TrimEnd());
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Cancelling_while_the_data_file_blocks_as_a_fifo_with_no_writer_exits_with_130_at_once()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no FIFOs
        }

        var fifo = _folder.File("points.csv");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        using var stderr = new StringWriter();
        var run = Task.Run(() => Cli.Run(["--dataset", $"csv:{fifo}", "--out", _folder.File("out")], TextWriter.Null, stderr, cancellation: cancel.Token));
        // The read of a FIFO without a writer blocks in open() for good; it is left behind on a pool thread, which does not keep a process alive.
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(20))) == run;

        Assert.True(finished, "Ctrl+C was not honoured while reading the FIFO");
        Assert.Equal(ExitCode.Cancelled, await run);
        Assert.Equal("error: cancelled; no files were written", stderr.ToString().TrimEnd());
        Assert.False(Directory.Exists(_folder.File("out")));
    }

    [Fact]
    public async Task Cancelling_a_long_run_on_many_rows_exits_with_130_at_once()
    {
        // Train checks the token only between steps, so the demo waits for training on a pool thread it can abandon:
        // a cancel is honoured within a step, whatever the step does (compiling, training 16,000 rows).
        var data = RandomPointsCsv.Write(_folder.File("rows.csv"), 16_000);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = Task.Run(() => Cli.Run(["--dataset", $"csv:{data}", "--steps", "1000000", "--memory-budget", "100G", "--out", _folder.File("out")], TextWriter.Synchronized(stdout), stderr, cancellation: cancel.Token));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(20))) == run;

        Assert.True(finished, "the run did not end");
        Assert.Equal(ExitCode.Cancelled, await run);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"Ctrl+C took {clock.Elapsed.TotalSeconds:F1} s to be honoured");
        Assert.False(Directory.Exists(_folder.File("out")));
    }

    [Fact]
    public void An_output_folder_that_cannot_be_created_exits_with_1_before_training()
    {
        var file = _folder.File("a-file");
        File.WriteAllText(file, "not a folder");
        var result = DemoProcess.Run("--out", Path.Combine(file, "out"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: cannot create the output folder", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    public void Dispose() => _folder.Dispose();
}
