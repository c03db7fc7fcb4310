using BenchmarkDotNet.Attributes;
using Micrograd.Functional.Bench.Engine;
using Micrograd.Functional.Bench.Graphs;
using Micrograd.Functional.Bench.MutablePort;
using Micrograd.Functional.Bench.Verification;
using Micrograd.Functional.Bench.Workload;

namespace Micrograd.Functional.Bench.Benchmarks;

/// <summary>
/// A graph as deep as it is long: a scalar recurrent net hₜ = tanh(w·hₜ₋₁ + xₜ) unrolled over
/// N steps (3N ops, N constant leaves), forward and backward, giving ∂h_N/∂w and ∂h_N/∂h₀.
/// Measures the cost per node on a shape with no width, and that nothing recurses.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ChainBenchmarks
{
    private double[] _inputs = [];
    private Value _engineW = new(0.0);
    private Value _engineH0 = new(0.0);
    private MutableValue _portW = new(0.0);
    private MutableValue _portH0 = new(0.0);

    /// <summary>The number of unrolled steps N.</summary>
    [Params(1_000, 100_000)]
    public int Steps { get; set; }

    /// <summary>Draws the inputs xₜ uniform(−1, 1) from a fixed seed and proves both implementations agree.</summary>
    [GlobalSetup]
    public void RequireAgreement()
    {
        var random = new Random(7);
        _inputs = Enumerable.Range(0, Steps).Select(_ => 2 * random.NextDouble() - 1).ToArray();
        (_engineW, _engineH0) = (new Value(0.9), new Value(0.5));
        (_portW, _portH0) = (new MutableValue(0.9), new MutableValue(0.5));

        MicrogradReference.RequireMutablePortMatches();
        var worst = Agreement.Require($"chain of {Steps:N0} steps: engine vs mutable port", MutablePort(), Engine());
        Console.WriteLine($"// Agreement: largest relative difference {worst:E1}");
    }

    /// <summary>The library: build, <see cref="Value.Backward"/>, read ∂h_N/∂w and ∂h_N/∂h₀.</summary>
    [Benchmark]
    public StepResult Engine()
    {
        var h = Chains.Recurrence<Value, EngineOps>(_engineW, _engineH0, _inputs);
        var gradients = h.Backward();
        return new StepResult(h.Data, [gradients[_engineW], gradients[_engineH0]]);
    }

    /// <summary>The mutable port: zero the gradients, build, backward, read them.</summary>
    [Benchmark(Baseline = true)]
    public StepResult MutablePort()
    {
        MutableValue.ZeroGrad([_portW, _portH0]);
        var h = Chains.Recurrence<MutableValue, MutableOps>(_portW, _portH0, _inputs);
        h.Backward();
        return new StepResult(h.Data, [_portW.Grad, _portH0.Grad]);
    }
}
