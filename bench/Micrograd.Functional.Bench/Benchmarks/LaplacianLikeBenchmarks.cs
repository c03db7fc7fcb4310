using BenchmarkDotNet.Attributes;
using Micrograd.Functional.Bench.Engine;
using Micrograd.Functional.Bench.Floor;
using Micrograd.Functional.Bench.Graphs;
using Micrograd.Functional.Bench.Verification;
using Micrograd.Functional.Bench.Workload;

namespace Micrograd.Functional.Bench.Benchmarks;

/// <summary>
/// AutoDiff's "Laplacian-like" workload, f(x) = Σᵢ (Σⱼ aᵢⱼ·xⱼ − bᵢ)² over 10 variables and N
/// terms, compiled once. The baseline is the tape's plain evaluation, so the gradient's Ratio is
/// the cost of the gradient in evaluations (AutoDiff reports about 21–23 for its own tape). The
/// same function written by hand on arrays gives the floor for both.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LaplacianLikeBenchmarks
{
    private const int Variables = 10;

    private LeastSquaresWorkload _workload = null!;
    private CompiledFunction _tape = null!;
    private ArrayLeastSquares _floor = null!;
    private double[] _gradient = [];

    /// <summary>The number of terms N.</summary>
    [Params(1_000, 10_000)]
    public int Terms { get; set; }

    /// <summary>
    /// Draws the constants from a fixed seed, compiles f, and proves the tape agrees with the
    /// engine bit for bit and with the hand-written code within 1e-9, and that neither tape call allocates.
    /// </summary>
    [GlobalSetup]
    public void RequireAgreement()
    {
        _workload = LeastSquaresWorkload.Create(Terms, Variables, seed: 5);
        _tape = Compiler.Compile(x => LeastSquares.Build<Value, EngineOps>(_workload, x), Variables);
        _floor = new ArrayLeastSquares(_workload);
        _gradient = new double[Variables];

        var leaves = Array.ConvertAll(_workload.X, x => new Value(x));
        var f = LeastSquares.Build<Value, EngineOps>(_workload, leaves);
        var engine = new StepResult(f.Data, f.Backward().For(leaves));
        var tape = new StepResult(TapeGradient(), [.. _gradient]);
        var floor = new StepResult(ArrayGradient(), [.. _gradient]);
        var what = $"least squares, {Terms:N0} terms";
        Agreement.RequireIdentical($"{what}: compiled gradient vs engine", engine, tape);
        Agreement.RequireIdentical($"{what}: compiled evaluation vs engine", new StepResult(engine.Output, []), new StepResult(TapeEvaluate(), []));
        var worst = Agreement.Require($"{what}: compiled gradient vs hand-written", floor, tape);
        worst = Math.Max(worst, Agreement.Require($"{what}: compiled evaluation vs hand-written", new StepResult(ArrayEvaluate(), []), new StepResult(TapeEvaluate(), [])));
        Allocations.RequireNone($"{what}: compiled Evaluate", () => TapeEvaluate());
        Allocations.RequireNone($"{what}: compiled ValueAndGrad", () => TapeGradient());

        Console.WriteLine(
            $"// Compiled tape: {_tape.InstructionCount:N0} instructions, {_tape.InputCount} inputs, {_tape.ConstantCount:N0} constants; " +
            $"f = {engine.Output:R}; bit-identical to the engine, {worst:E1} from the hand-written code; neither call allocates");
    }

    /// <summary>The compiled tape's plain evaluation: the baseline, one "evaluation".</summary>
    [Benchmark(Baseline = true)]
    public double TapeEvaluate() => _tape.Evaluate(_workload.X);

    /// <summary>The compiled tape's value and gradient (forward with local partials, reverse sweep).</summary>
    [Benchmark]
    public double TapeGradient() => _tape.ValueAndGrad(_workload.X, _gradient);

    /// <summary>f by hand on arrays.</summary>
    [Benchmark]
    public double ArrayEvaluate() => _floor.Evaluate(_workload.X);

    /// <summary>f and its gradient by hand on arrays.</summary>
    [Benchmark]
    public double ArrayGradient() => _floor.ValueAndGrad(_workload.X, _gradient);
}
