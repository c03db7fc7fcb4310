using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Micrograd.Functional.Bench.Columns;
using Micrograd.Functional.Bench.Compiled;
using Micrograd.Functional.Bench.Floor;
using Micrograd.Functional.Bench.Torch;
using Micrograd.Functional.Bench.Verification;
using Micrograd.Functional.Bench.Workload;

namespace Micrograd.Functional.Bench.Benchmarks;

/// <summary>
/// One full-batch step of micrograd's demo model and loss (MLP 2-16-16-1, hinge + 1e-4·Σp², forward and
/// backward) over N = 10² … 10⁵ two-moons points: the hand-written array code (the baseline), the library's
/// batched tape, and TorchSharp at libtorch's default thread count and at 1 thread. The column
/// <c>ns/sample</c> is the median ÷ N.
/// </summary>
/// <remarks>
/// <para>
/// <b>The method contract.</b> A benchmark method runs one step on <see cref="Workload"/> (its points and
/// labels in <c>Data</c>, its 337 parameters in micrograd's order in <c>Parameters</c>, α), returns the loss
/// mean(relu(1 − yᵢ·scoreᵢ)) + α·Σp², and leaves the 337 gradients in an array it owns, in the same order.
/// To add one: build the implementation in <see cref="Prepare"/>, check it there with
/// <c>Require(name, implementation.Run())</c>, and add a <c>[Benchmark]</c> method that calls its step.
/// </para>
/// <para>
/// libtorch's thread count is process-wide, so each TorchSharp method has its own global setup that sets it
/// (BenchmarkDotNet runs each method in its own process, and a method's setup just before it).
/// </para>
/// </remarks>
[Config(typeof(SweepConfig))]
[MemoryDiagnoser]
[MedianColumn]
public class BatchSweepBenchmarks
{
    private ArrayDemoStep _floor = null!;
    private StepResult _expected = null!;
    private BatchedDemoStep _batched = null!;
    private TorchDemoStep? _torch;

    /// <summary>The number of two-moons points N in the batch.</summary>
    [Params(100, 1_000, 10_000, 100_000)]
    public int Points { get; set; }

    /// <summary>The step's inputs: N points drawn with the demo's seed, the demo's model and parameters, α = 1e-4.</summary>
    public DemoWorkload Workload { get; private set; } = DemoWorkload.Default;

    /// <summary>
    /// Draws the N points, builds every implementation and proves that each agrees with the array floor on the
    /// loss and all 337 gradients (within 1e-9 relative), and that a TorchSharp step leaves no tensor alive.
    /// What a step allocates is left to MemoryDiagnoser: a batch above 1,024 samples may run on the thread pool.
    /// </summary>
    [GlobalSetup]
    public void Prepare()
    {
        Workload = DemoWorkload.WithPoints(Points);
        _floor = new ArrayDemoStep(Workload);
        var floor = _floor.Run();
        _expected = floor with { Gradients = [.. floor.Gradients] };

        _batched = new BatchedDemoStep(Workload);
        var batched = Require("batched tape", _batched.Run());
        _torch?.Dispose();
        _torch = new TorchDemoStep(Workload);
        var torch = Require($"TorchSharp ({TorchDemoStep.DefaultThreads} threads)", _torch.Run());
        _torch.RequireNoTensorLeft(steps: 3);
        Console.WriteLine(
            $"// Batch of {Points:N0} points: loss {floor.Output:R}; largest relative difference from the floor: batched tape {batched:E1}, TorchSharp {torch:E1} (no tensor left alive after a step)");
    }

    /// <summary>Checks agreement, then runs libtorch on its default thread count for <see cref="TorchSharpDefaultThreads"/>.</summary>
    [GlobalSetup(Target = nameof(TorchSharpDefaultThreads))]
    public void PrepareTorchDefaultThreads()
    {
        Prepare();
        TorchThreads.Use(TorchDemoStep.DefaultThreads, () => Require("TorchSharp", _torch!.Run()));
    }

    /// <summary>Checks agreement, then runs libtorch on 1 thread for <see cref="TorchSharpOneThread"/>.</summary>
    [GlobalSetup(Target = nameof(TorchSharpOneThread))]
    public void PrepareTorchOneThread()
    {
        Prepare();
        TorchThreads.Use(1, () => Require("TorchSharp on 1 thread", _torch!.Run()));
    }

    /// <summary>Disposes the TorchSharp tensors.</summary>
    [GlobalCleanup]
    public void Cleanup() => _torch?.Dispose();

    /// <summary>The hand-written array code, point by point: the floor.</summary>
    [Benchmark(Baseline = true)]
    public double ArrayFloor() => _floor.Run().Output;

    /// <summary>The library's batched tape: one sample's loss mapped over the N points.</summary>
    [Benchmark]
    public double BatchedTape() => _batched.Step();

    /// <summary>TorchSharp on libtorch's default thread count: zero the gradients, tensor forward, <c>backward()</c>, read the 337 gradients.</summary>
    [Benchmark]
    public double TorchSharpDefaultThreads() => _torch!.Run().Output;

    /// <summary>TorchSharp on 1 thread: the same step.</summary>
    [Benchmark]
    public double TorchSharpOneThread() => _torch!.Run().Output;

    /// <summary>Throws unless <paramref name="actual"/> agrees with the floor within 1e-9; returns the largest relative difference.</summary>
    private double Require(string what, StepResult actual) =>
        Agreement.Require($"batch of {Points:N0}: {what} vs array floor", _expected, actual);

    /// <summary>The per-sample columns: ns/sample, its ratio to the same method at N = 100, allocated bytes per sample.</summary>
    private sealed class SweepConfig : ManualConfig
    {
        public SweepConfig() => AddColumn(PerNodeColumns.For(nameof(Points), unit: "sample"));
    }
}
