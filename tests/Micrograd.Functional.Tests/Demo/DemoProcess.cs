using Micrograd.Demo;

namespace Micrograd.Functional.Tests.Demo;

/// <summary>What one in-process run of the demo returned and printed.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Out">Everything written to standard output.</param>
/// <param name="Error">Everything written to standard error.</param>
public sealed record DemoResult(int ExitCode, string Out, string Error)
{
    /// <summary>Standard output's lines, without the final empty one.</summary>
    public string[] OutLines => Lines(Out);

    /// <summary>Standard error's lines, without the final empty one.</summary>
    public string[] ErrorLines => Lines(Error);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}

/// <summary>Runs the demo's command line in-process, as the process would (plain output, as when redirected).</summary>
public static class DemoProcess
{
    /// <summary>Runs <c>Micrograd.Demo</c> with <paramref name="args"/>.</summary>
    /// <param name="args">The command-line arguments.</param>
    public static DemoResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Run(args, stdout, stderr);
        return new DemoResult(code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A fresh folder under the system's temporary folder, deleted with everything in it on dispose.</summary>
public sealed class TemporaryFolder : IDisposable
{
    /// <summary>The folder's full path.</summary>
    public string Path { get; } = Directory.CreateTempSubdirectory("micrograd-demo-tests-").FullName;

    /// <summary>A path inside the folder.</summary>
    /// <param name="parts">The relative path's parts.</param>
    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>Runs the built demo (<c>Micrograd.Demo.dll</c>) as a child process, for what only a process shows: heap limits, environment variables.</summary>
public static class DemoChild
{
    /// <summary>Runs <c>dotnet Micrograd.Demo.dll</c> with <paramref name="args"/> and the extra environment <paramref name="environment"/>.</summary>
    /// <param name="environment">Variables to set, e.g. <c>DOTNET_GCHeapHardLimit</c>.</param>
    /// <param name="args">The command-line arguments.</param>
    public static async Task<DemoResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [System.IO.Path.Combine(AppContext.BaseDirectory, "Micrograd.Demo.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var demo = System.Diagnostics.Process.Start(start)!;
        var stdout = demo.StandardOutput.ReadToEndAsync();
        var stderr = demo.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await demo.WaitForExitAsync(timeout.Token);
        return new DemoResult(demo.ExitCode, await stdout, await stderr);
    }
}

/// <summary>CSV files of random points for runs whose size matters more than their shape.</summary>
public static class RandomPointsCsv
{
    /// <summary>Writes <paramref name="count"/> points in [−2, 2]², labelled 1 where x·y &gt; 0, into <paramref name="path"/> (once).</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="count">The number of rows.</param>
    /// <returns><paramref name="path"/>.</returns>
    public static string Write(string path, int count)
    {
        if (!File.Exists(path))
        {
            var random = new Random(count);
            File.WriteAllLines(path, Enumerable.Range(0, count).Select(_ =>
            {
                var (x, y) = (random.NextDouble() * 4 - 2, random.NextDouble() * 4 - 2);
                return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{x:R},{y:R},{(x * y > 0 ? 1 : 0)}");
            }));
        }

        return path;
    }
}
