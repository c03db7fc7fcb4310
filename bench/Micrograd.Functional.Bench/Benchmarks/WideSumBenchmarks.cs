using BenchmarkDotNet.Attributes;
using Micrograd.Functional.Bench.Engine;
using Micrograd.Functional.Bench.Graphs;
using Micrograd.Functional.Bench.MutablePort;
using Micrograd.Functional.Bench.Verification;
using Micrograd.Functional.Bench.Workload;

namespace Micrograd.Functional.Bench.Benchmarks;

/// <summary>
/// The sum of N leaves as a left fold (the shape of micrograd's L2 term): N − 1 additions,
/// forward and backward, reading all N gradients. Here the cost of reading gradients out of the
/// engine's map is as large as the graph, unlike in the demo step.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class WideSumBenchmarks
{
    private Value[] _engineLeaves = [];
    private MutableValue[] _portLeaves = [];

    /// <summary>The number of leaves N.</summary>
    [Params(10_000)]
    public int Leaves { get; set; }

    /// <summary>Builds the leaves (values drawn from a fixed seed) and proves both implementations agree.</summary>
    [GlobalSetup]
    public void RequireAgreement()
    {
        var random = new Random(11);
        var data = Enumerable.Range(0, Leaves).Select(_ => 2 * random.NextDouble() - 1).ToArray();
        _engineLeaves = Array.ConvertAll(data, x => new Value(x));
        _portLeaves = Array.ConvertAll(data, x => new MutableValue(x));

        MicrogradReference.RequireMutablePortMatches();
        var worst = Agreement.Require($"sum of {Leaves:N0} leaves: engine vs mutable port", MutablePort(), Engine());
        Console.WriteLine($"// Agreement: largest relative difference {worst:E1}");
    }

    /// <summary>The library: build, <see cref="Value.Backward"/>, read the N gradients from the map.</summary>
    [Benchmark]
    public StepResult Engine()
    {
        var sum = Chains.LeftFoldSum<Value, EngineOps>(_engineLeaves);
        return new StepResult(sum.Data, sum.Backward().For(_engineLeaves));
    }

    /// <summary>The mutable port: zero the gradients, build, backward, read them.</summary>
    [Benchmark(Baseline = true)]
    public StepResult MutablePort()
    {
        MutableValue.ZeroGrad(_portLeaves);
        var sum = Chains.LeftFoldSum<MutableValue, MutableOps>(_portLeaves);
        sum.Backward();
        return new StepResult(sum.Data, Array.ConvertAll(_portLeaves, p => p.Grad));
    }
}
