using BenchmarkDotNet.Attributes;
using Micrograd.Functional.Bench.Compiled;
using Micrograd.Functional.Bench.Engine;
using Micrograd.Functional.Bench.Floor;
using Micrograd.Functional.Bench.MutablePort;
using Micrograd.Functional.Bench.Verification;
using Micrograd.Functional.Bench.Workload;

namespace Micrograd.Functional.Bench.Benchmarks;

/// <summary>
/// One training step of micrograd's demo (forward and backward over 100 points, 65,818 nodes),
/// four ways: the hand-written array code that no scalar engine can beat (the baseline), the
/// library's compiled tape, the library's immutable engine rebuilding the graph, and a mutable
/// closure-based port.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DemoStepBenchmarks
{
    private readonly EngineDemoStep _engine = new(DemoWorkload.Default);
    private readonly MutableDemoStep _port = new(DemoWorkload.Default);
    private readonly ArrayDemoStep _floor = new(DemoWorkload.Default);
    private CompiledDemoStep _compiled = null!;

    /// <summary>
    /// Compiles the loss, then proves the four agree on the loss and on all 337 gradients (the
    /// compiled tape bit for bit with the engine) and that a compiled step allocates nothing.
    /// </summary>
    [GlobalSetup]
    public void RequireAgreement()
    {
        MicrogradReference.RequireMutablePortMatches();
        _compiled = new CompiledDemoStep(DemoWorkload.Default);
        var port = _port.Run();
        var engineResult = _engine.Run();
        var engine = Agreement.Require("demo step: engine vs mutable port", port, engineResult);
        var floor = Agreement.Require("demo step: array floor vs mutable port", port, _floor.Run());
        var compiledResult = _compiled.Run();
        Agreement.RequireIdentical("demo step: compiled tape vs engine", engineResult, compiledResult);
        var compiled = Agreement.Require("demo step: compiled tape vs array floor", _floor.Run(), compiledResult);
        Allocations.RequireNone("demo step: compiled ValueAndGrad", () => _compiled.Step());

        Console.WriteLine($"// Demo step graph (engine): {GraphCensus.Describe(_engine.Loss())}");
        Console.WriteLine(
            $"// Compiled tape: {_compiled.Loss.InstructionCount:N0} instructions, {_compiled.Loss.InputCount} inputs, {_compiled.Loss.ConstantCount:N0} constants");
        Console.WriteLine(
            $"// Agreement: loss {port.Output:R}; largest relative difference from the port: engine {engine:E1}, floor {floor:E1}; " +
            $"compiled tape: bit-identical to the engine, {compiled:E1} from the floor; compiled step allocates 0 B");
    }

    /// <summary>The same arithmetic on arrays, without a graph: the floor.</summary>
    [Benchmark(Baseline = true)]
    public StepResult ArrayFloor() => _floor.Run();

    /// <summary>The compiled tape: one ValueAndGrad call over the 337 parameters (loss returned, gradient in a buffer).</summary>
    [Benchmark]
    public double CompiledTape() => _compiled.Step();

    /// <summary>The library: build the graph, <see cref="Value.Backward"/>, read the 337 gradients from the map.</summary>
    [Benchmark]
    public StepResult Engine() => _engine.Run();

    /// <summary>The mutable port: zero the gradients, build the graph, backward, read the gradients.</summary>
    [Benchmark]
    public StepResult MutablePort() => _port.Run();
}
