using Micrograd.Demo;
using Micrograd.Demo.Artifacts;

namespace Micrograd.Functional.Tests.Demo;

/// <summary>
/// However a run is stopped (Ctrl+C while training or writing, SIGTERM, SIGHUP), it stops cleanly: one line, a
/// documented exit code, the old set kept, and no hidden staging folder left behind.
/// </summary>
public sealed class StopTests : IDisposable
{
    private static readonly string[] FourFiles = ["decision-boundary.png", "model.json", "summary.json", "training.png"];
    private readonly TemporaryFolder _folder = new();

    /// <remarks>
    /// SIGHUP is handled the same way, but not tested here: a process started with SIGHUP ignored (under nohup, as CI
    /// runners may start jobs) keeps it ignored, as .NET respects, so the test would depend on how it was started.
    /// </remarks>
    [Theory]
    [InlineData("TERM", 143)]
    public async Task A_termination_signal_stops_the_run_cleanly_with_128_plus_the_signal_and_one_line(string signal, int code)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no POSIX signals
        }

        var output = _folder.File("a", "out");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Micrograd.Demo.dll"), "--steps", "10000000", "--out", output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var demo = System.Diagnostics.Process.Start(start)!;
        var stderr = demo.StandardError.ReadToEndAsync();
        while (await demo.StandardOutput.ReadLineAsync() is { } line && !line.StartsWith("step 100 ", StringComparison.Ordinal))
        {
            // training has started once step 100 is printed
        }

        using (var kill = System.Diagnostics.Process.Start("kill", [$"-{signal}", demo.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        _ = demo.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await demo.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!demo.HasExited)
            {
                demo.Kill(entireProcessTree: true); // never leave a 10⁷-step run behind
            }
        }

        Assert.Equal(code, demo.ExitCode);
        Assert.Equal("error: cancelled; no files were written", (await stderr).TrimEnd());
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Path)); // no folder, not even the parent the run made, and no staging folder
    }

    [Fact]
    public void A_cancel_while_the_files_are_written_leaves_the_old_set_and_no_staging_folder()
    {
        var output = _folder.File("out");
        Directory.CreateDirectory(output);
        foreach (var name in FourFiles)
        {
            File.WriteAllText(Path.Combine(output, name), "old " + name);
        }

        using var folder = OutputFolder.Prepare(output, FourFiles).Match(Succ: f => f, Fail: e => throw new Xunit.Sdk.XunitException(e.Message));
        using var cancel = new CancellationTokenSource();
        Assert.Throws<OperationCanceledException>(() => folder.Replace<LanguageExt.Unit>(staging =>
        {
            File.WriteAllText(Path.Combine(staging, "training.png"), "new");
            cancel.Cancel(); // Ctrl+C while the first file is written: the writer stops before the next one
            cancel.Token.ThrowIfCancellationRequested();
            return LanguageExt.Prelude.unit;
        }));

        Assert.All(FourFiles, name => Assert.Equal("old " + name, File.ReadAllText(Path.Combine(output, name))));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Ctrl_C_during_graph_is_a_cancel_not_a_Graphviz_failure()
    {
        using var stderr = new StringWriter();
        var code = Cli.Run(["graph", "--out", _folder.File("graph")], TextWriter.Null, stderr, cancellation: new CancellationToken(canceled: true));

        Assert.Equal(ExitCode.Cancelled, code);
        Assert.Equal("error: cancelled; the files written so far stay", stderr.ToString().TrimEnd());
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/dev/null")]
    public void Graph_refuses_an_out_that_cannot_hold_its_drawings_as_a_usage_error(string folder)
    {
        var result = DemoProcess.Run("graph", "--out", folder);

        Assert.Equal(ExitCode.Usage, result.ExitCode);
        Assert.StartsWith("error: --out ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    public void Dispose() => _folder.Dispose();
}
