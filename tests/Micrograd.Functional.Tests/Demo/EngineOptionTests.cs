using System.Text.Json;

namespace Micrograd.Functional.Tests.Demo;

/// <summary>The demo trains through the compiled tape by default; --engine graph rebuilds the graph every step.</summary>
public class EngineOptionTests
{
    private static JsonElement Summary(TemporaryFolder folder) =>
        JsonDocument.Parse(File.ReadAllText(folder.File("summary.json"))).RootElement;

    [Fact]
    public void Both_engines_give_the_same_losses()
    {
        using var compiled = new TemporaryFolder();
        using var graph = new TemporaryFolder();
        Assert.Equal(0, DemoProcess.Run("--steps", "15", "--out", compiled.Path).ExitCode);
        Assert.Equal(0, DemoProcess.Run("--steps", "15", "--engine", "graph", "--out", graph.Path).ExitCode);

        Assert.Equal("compiled", Summary(compiled).GetProperty("engine").GetString());
        Assert.Equal("graph", Summary(graph).GetProperty("engine").GetString());
        var a = Summary(compiled).GetProperty("loss").EnumerateArray().Select(e => e.GetDouble());
        var b = Summary(graph).GetProperty("loss").EnumerateArray().Select(e => e.GetDouble());
        Assert.Equal(b, a); // full batch: bit for bit
    }

    [Fact]
    public void An_unknown_engine_is_a_usage_error()
    {
        var result = DemoProcess.Run("--engine", "tape");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--engine must be compiled or graph", Assert.Single(result.ErrorLines));
    }
}
