using System.Diagnostics;

namespace Micrograd.Functional.Tests.Demo;

/// <summary>A long run records its steps in flat memory: the demo keeps each step's numbers, not its model.</summary>
public sealed class MemoryBoundTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task Twenty_thousand_steps_finish_under_a_150_MB_heap_limit()
    {
        // Keeping every step's model cost about 40 KB a step (30,000 steps used 1.35 GB): 20,000 steps would
        // need about 800 MB. The numbers the plots need are 16 bytes a step.
        var output = _folder.File("out");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Micrograd.Demo.dll"), "--steps", "20000", "--out", output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["DOTNET_GCHeapHardLimit"] = "0x9600000" }, // 150 MB
        };
        using var demo = Process.Start(start)!;
        var stdout = demo.StandardOutput.ReadToEndAsync();
        var stderr = demo.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await demo.WaitForExitAsync(timeout.Token);
        var (printed, errors) = (await stdout, await stderr);

        Assert.True(demo.ExitCode == 0, $"exit {demo.ExitCode}: {errors}");
        Assert.Contains("step 19999 loss ", printed, StringComparison.Ordinal);
        Assert.Contains("\"steps\": 20000", File.ReadAllText(Path.Combine(output, "summary.json")), StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
