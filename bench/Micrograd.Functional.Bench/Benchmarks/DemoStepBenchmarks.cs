using BenchmarkDotNet.Attributes;
using Micrograd.Functional.Bench.Compiled;
using Micrograd.Functional.Bench.Engine;
using Micrograd.Functional.Bench.Floor;
using Micrograd.Functional.Bench.MutablePort;
using Micrograd.Functional.Bench.Torch;
using Micrograd.Functional.Bench.Verification;
using Micrograd.Functional.Bench.Workload;
using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

namespace Micrograd.Functional.Bench.Benchmarks;

/// <summary>
/// One training step of micrograd's demo (forward and backward over 100 points, 65,818 nodes),
/// seven ways: the hand-written array code that no scalar engine can beat (the baseline), the
/// library's compiled tape of the whole loss, its batched tape of one sample's loss mapped over the
/// points, the library's immutable engine rebuilding the graph, a mutable closure-based port, and
/// TorchSharp's tensors (libtorch) at 1 thread and at libtorch's default thread count.
/// </summary>
/// <remarks>
/// libtorch's thread count is process-wide, so each TorchSharp method has its own global setup that
/// sets it; BenchmarkDotNet runs each method in its own process, and runs a method's setup just before it.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
public class DemoStepBenchmarks
{
    private readonly EngineDemoStep _engine = new(DemoWorkload.Default);
    private readonly MutableDemoStep _port = new(DemoWorkload.Default);
    private readonly ArrayDemoStep _floor = new(DemoWorkload.Default);
    private CompiledDemoStep _compiled = null!;
    private BatchedDemoStep _batched = null!;
    private TorchDemoStep _torch = null!;
    private IEnumerator<TrainingStep> _training = null!;

    /// <summary>
    /// Compiles the loss, then proves the seven agree on the loss and on all 337 gradients (both
    /// compiled tapes bit for bit with the engine, TorchSharp within 1e-9 of the floor) and that a
    /// compiled step allocates nothing.
    /// </summary>
    [GlobalSetup]
    public void RequireAgreement()
    {
        MicrogradReference.RequireMutablePortMatches();
        _compiled = new CompiledDemoStep(DemoWorkload.Default);
        _batched = new BatchedDemoStep(DemoWorkload.Default);
        _torch = new TorchDemoStep(DemoWorkload.Default);
        var port = _port.Run();
        var engineResult = _engine.Run();
        var engine = Agreement.Require("demo step: engine vs mutable port", port, engineResult);
        var floor = Agreement.Require("demo step: array floor vs mutable port", port, _floor.Run());
        var compiledResult = _compiled.Run();
        Agreement.RequireIdentical("demo step: compiled tape vs engine", engineResult, compiledResult);
        var compiled = Agreement.Require("demo step: compiled tape vs array floor", _floor.Run(), compiledResult);
        Allocations.RequireNone("demo step: compiled ValueAndGrad", () => _compiled.Step());
        var batchedResult = _batched.Run();
        Agreement.RequireIdentical("demo step: batched tape vs engine", engineResult, batchedResult);
        var batched = Agreement.Require("demo step: batched tape vs array floor", _floor.Run(), batchedResult);
        Allocations.RequireNone("demo step: batched ValueAndGrad", () => _batched.Step());
        var torch = Agreement.Require("demo step: TorchSharp vs array floor", _floor.Run(), _torch.Run());
        _torch.RequireNoTensorLeft();

        // A user's loop: micrograd's demo (its moons, its model, its options) through model.Train, one step per call.
        // Steps is large so the enumeration never ends during a run (the rate ramps over Steps, so it stays near 1.0).
        _training = Mlp.Create(2, [16, 16, 1], seed: 1337).Train(Datasets.Moons(), TrainingOptions.Micrograd with { Steps = int.MaxValue }).GetEnumerator();
        if (!_training.MoveNext() || _training.Current.Loss != 0.8958441028683222)
        {
            throw new InvalidOperationException($"model.Train's step 0 loss is {_training.Current.Loss:R}, not micrograd's 0.8958441028683222.");
        }

        Console.WriteLine($"// Demo step graph (engine): {GraphCensus.Describe(_engine.Loss())}");
        Console.WriteLine(
            $"// Compiled tape: {_compiled.Loss.InstructionCount:N0} instructions, {_compiled.Loss.InputCount} inputs, {_compiled.Loss.ConstantCount:N0} constants; batched: {_batched.Loss}");
        Console.WriteLine(
            $"// Agreement: loss {port.Output:R}; largest relative difference from the port: engine {engine:E1}, floor {floor:E1}; " +
            $"compiled and batched tapes: bit-identical to the engine, {compiled:E1} and {batched:E1} from the floor; both allocate 0 B per step; " +
            $"TorchSharp ({TorchDemoStep.DefaultThreads} threads): {torch:E1} from the floor, no tensor left alive after a step");
    }

    /// <summary>Checks agreement, then runs libtorch on 1 thread for <see cref="TorchSharpOneThread"/>.</summary>
    [GlobalSetup(Target = nameof(TorchSharpOneThread))]
    public void SetUpTorchOneThread()
    {
        RequireAgreement();
        TorchThreads.Use(1, () => Agreement.Require("demo step: TorchSharp on 1 thread vs array floor", _floor.Run(), _torch.Run()));
    }

    /// <summary>Checks agreement, then runs libtorch on its default thread count for <see cref="TorchSharpDefaultThreads"/>.</summary>
    [GlobalSetup(Target = nameof(TorchSharpDefaultThreads))]
    public void SetUpTorchDefaultThreads()
    {
        RequireAgreement();
        TorchThreads.Use(TorchDemoStep.DefaultThreads, () => Agreement.Require("demo step: TorchSharp vs array floor", _floor.Run(), _torch.Run()));
    }

    /// <summary>Disposes the TorchSharp tensors.</summary>
    [GlobalCleanup]
    public void Cleanup() => _torch?.Dispose();

    /// <summary>The same arithmetic on arrays, without a graph: the floor.</summary>
    [Benchmark(Baseline = true)]
    public StepResult ArrayFloor() => _floor.Run();

    /// <summary>The compiled tape: one ValueAndGrad call over the 337 parameters (loss returned, gradient in a buffer).</summary>
    [Benchmark]
    public double CompiledTape() => _compiled.Step();

    /// <summary>The batched tape: one sample's loss mapped over the 100 points (loss returned, gradient in a buffer).</summary>
    [Benchmark]
    public double BatchedTape() => _batched.Step();

    /// <summary>
    /// A whole step of <c>model.Train(…)</c> on micrograd's demo, as a user iterating it meets it: the batched tape, the
    /// accuracy, the SGD update, the new immutable model and the step record.
    /// </summary>
    [Benchmark]
    public double TrainStep() => _training.MoveNext() ? _training.Current.Loss : throw new InvalidOperationException("training ended");

    /// <summary>The library: build the graph, <see cref="Value.Backward"/>, read the 337 gradients from the map.</summary>
    [Benchmark]
    public StepResult Engine() => _engine.Run();

    /// <summary>The mutable port: zero the gradients, build the graph, backward, read the gradients.</summary>
    [Benchmark]
    public StepResult MutablePort() => _port.Run();

    /// <summary>TorchSharp on 1 thread: zero the gradients, tensor forward, <c>backward()</c>, read the 337 gradients.</summary>
    [Benchmark]
    public StepResult TorchSharpOneThread() => _torch.Run();

    /// <summary>TorchSharp on libtorch's default thread count (the machine's cores): the same step.</summary>
    [Benchmark]
    public StepResult TorchSharpDefaultThreads() => _torch.Run();
}
