using BenchmarkDotNet.Attributes;
using Micrograd.Functional.Bench.Engine;
using Micrograd.Functional.Bench.Floor;
using Micrograd.Functional.Bench.MutablePort;
using Micrograd.Functional.Bench.Verification;
using Micrograd.Functional.Bench.Workload;

namespace Micrograd.Functional.Bench.Benchmarks;

/// <summary>
/// One training step of micrograd's demo (forward and backward over 100 points, 65,818 nodes):
/// the library's immutable engine against a mutable closure-based port (the baseline) and
/// against the hand-written array code that no scalar engine can beat.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DemoStepBenchmarks
{
    private readonly EngineDemoStep _engine = new(DemoWorkload.Default);
    private readonly MutableDemoStep _port = new(DemoWorkload.Default);
    private readonly ArrayDemoStep _floor = new(DemoWorkload.Default);

    /// <summary>Proves the three agree on the loss and on all 337 gradients, and logs the graph's size.</summary>
    [GlobalSetup]
    public void RequireAgreement()
    {
        MicrogradReference.RequireMutablePortMatches();
        var port = _port.Run();
        var engine = Agreement.Require("demo step: engine vs mutable port", port, _engine.Run());
        var floor = Agreement.Require("demo step: array floor vs mutable port", port, _floor.Run());
        Console.WriteLine($"// Demo step graph (engine): {GraphCensus.Describe(_engine.Loss())}");
        Console.WriteLine(
            $"// Agreement: loss {port.Output:R}; largest relative difference from the port: engine {engine:E1}, floor {floor:E1}");
    }

    /// <summary>The library: build the graph, <see cref="Value.Backward"/>, read the 337 gradients from the map.</summary>
    [Benchmark]
    public StepResult Engine() => _engine.Run();

    /// <summary>The mutable port: zero the gradients, build the graph, backward, read the gradients.</summary>
    [Benchmark(Baseline = true)]
    public StepResult MutablePort() => _port.Run();

    /// <summary>The same arithmetic on arrays, without a graph.</summary>
    [Benchmark]
    public StepResult ArrayFloor() => _floor.Run();
}
