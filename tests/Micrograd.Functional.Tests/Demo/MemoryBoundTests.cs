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
        var demo = await DemoChild.RunAsync(new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x9600000" }, "--steps", "20000", "--out", output); // 150 MB
        var (printed, errors) = (demo.Out, demo.Error);

        Assert.True(demo.ExitCode == 0, $"exit {demo.ExitCode}: {errors}");
        Assert.Contains("step 19999 loss ", printed, StringComparison.Ordinal);
        Assert.Contains("\"steps\": 20000", File.ReadAllText(Path.Combine(output, "summary.json")), StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
