using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Micrograd.Functional.Bench.Columns;
using Micrograd.Functional.Bench.Engine;
using Micrograd.Functional.Bench.Floor;
using Micrograd.Functional.Bench.Graphs;
using Micrograd.Functional.Bench.Memory;
using Micrograd.Functional.Bench.MutablePort;
using Micrograd.Functional.Bench.Verification;
using Micrograd.Functional.Bench.Workload;

namespace Micrograd.Functional.Bench.Benchmarks;

/// <summary>
/// How the backward pass scales: <see cref="Value.Backward"/> alone on a prebuilt graph of N
/// nodes, from 10³ to 10⁷, against the mutable port's backward on the same graph. The graph is
/// the recurrence hₜ = tanh(w·hₜ₋₁ + xₜ) over N/4 steps (N + 2 nodes, as deep as it is long).
/// The per-node columns show whether the cost per node stays flat; each setup logs what the graph
/// itself costs in bytes per node.
/// </summary>
[Config(typeof(ScaleConfig))]
[MemoryDiagnoser]
[MedianColumn]
public class ScaleBenchmarks
{
    private double[] _inputs = [];
    private Value _engineOutput = new(0.0);
    private MutableValue _portOutput = new(0.0);

    /// <summary>The number of nodes N (to within the 2 leaves w and h₀).</summary>
    [Params(1_000, 10_000, 100_000, 1_000_000, 10_000_000)]
    public int Nodes { get; set; }

    /// <summary>Builds the engine's graph, logs its bytes per node, and checks its gradients against the hand-written sweep.</summary>
    [GlobalSetup(Target = nameof(Engine))]
    public void BuildEngineGraph()
    {
        DrawInputs();
        var (w, h0) = (new Value(0.9), new Value(0.5));
        var footprint = GraphFootprint.Measure(() => Chains.Recurrence<Value, EngineOps>(w, h0, _inputs), Nodes + 2, out _engineOutput);
        var gradients = _engineOutput.Backward();
        var worst = Agreement.Require(
            $"recurrence over {Nodes:N0} nodes: engine vs hand-written",
            ArrayRecurrence.Run(0.9, 0.5, _inputs),
            new StepResult(_engineOutput.Data, [gradients[w], gradients[h0]]));
        Console.WriteLine($"// Engine graph of {gradients.Count:N0} nodes: {footprint}; agreement with the hand-written sweep {worst:E1}");
    }

    /// <summary>Builds the port's graph, logs its bytes per node, and checks its gradients against the hand-written sweep.</summary>
    [GlobalSetup(Target = nameof(MutablePort))]
    public void BuildPortGraph()
    {
        DrawInputs();
        var (w, h0) = (new MutableValue(0.9), new MutableValue(0.5));
        var footprint = GraphFootprint.Measure(() => Chains.Recurrence<MutableValue, MutableOps>(w, h0, _inputs), Nodes + 2, out _portOutput);
        _portOutput.Backward();
        var worst = Agreement.Require(
            $"recurrence over {Nodes:N0} nodes: mutable port vs hand-written",
            ArrayRecurrence.Run(0.9, 0.5, _inputs),
            new StepResult(_portOutput.Data, [w.Grad, h0.Grad]));
        Console.WriteLine($"// Mutable port graph of {Nodes + 2:N0} nodes: {footprint}; agreement with the hand-written sweep {worst:E1}");
    }

    /// <summary>The library's backward pass alone: sort the graph, sweep it, return the gradient map.</summary>
    [Benchmark]
    public Gradients Engine() => _engineOutput.Backward();

    /// <summary>The port's backward pass alone: sort the graph, run every node's closure (gradients accumulate across calls, which costs the same).</summary>
    [Benchmark(Baseline = true)]
    public void MutablePort() => _portOutput.Backward();

    /// <summary>Draws the N/4 inputs xₜ uniform(−1, 1) from a fixed seed, before the graph is measured.</summary>
    private void DrawInputs()
    {
        var random = new Random(7);
        _inputs = new double[Nodes / 4];
        for (var t = 0; t < _inputs.Length; t++)
        {
            _inputs[t] = 2 * random.NextDouble() - 1;
        }
    }

    /// <summary>
    /// Fewer iterations than BenchmarkDotNet's default (a backward pass over 10⁷ nodes takes
    /// seconds), as the job used when the command line names none; <c>--job dry</c> or
    /// <c>--job short</c> replace it.
    /// </summary>
    private sealed class ScaleConfig : ManualConfig
    {
        public ScaleConfig()
        {
            AddJob(Job.Default.WithWarmupCount(2).WithIterationCount(10).AsDefault());
            AddColumn(PerNodeColumns.For(nameof(Nodes)));
        }
    }
}
