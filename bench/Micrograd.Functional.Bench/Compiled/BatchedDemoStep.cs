using Micrograd.Functional.Bench.Engine;
using Micrograd.Functional.Bench.Graphs;
using Micrograd.Functional.Bench.Workload;

namespace Micrograd.Functional.Bench.Compiled;

/// <summary>
/// The demo step on the library's batched tape, as <c>Training</c>'s compiled engine runs it: one sample's hinge
/// loss relu(score·c + 1) is compiled once with the 337 parameters, the point (x₀, x₁) and c = −yᵢ as inputs, and
/// mapped over the batch (<see cref="CompiledFunction.Vmap"/>). A step computes micrograd's penalty and its
/// gradient first, then one pullback over the batch with cotangent 1/n that adds the samples' gradients to it,
/// last sample first, and sums the losses in Python's order: the graph engine's bits. A step over the demo's 100
/// points allocates nothing (DemoStep's setup checks it); it owns its buffers, so it is not thread safe.
/// </summary>
public sealed class BatchedDemoStep
{
    private readonly DemoWorkload _workload;
    private readonly double[] _rows;      // per point: x₀, x₁, −y
    private readonly double[] _losses;
    private readonly double[] _penalty;
    private readonly double[] _gradient;

    /// <summary>Compiles one sample's loss and lays out <paramref name="workload"/>'s points as rows.</summary>
    /// <param name="workload">The demo workload (any number of points).</param>
    public BatchedDemoStep(DemoWorkload workload)
    {
        _workload = workload;
        var count = workload.Layout.ParameterCount;
        var data = workload.Data;
        Loss = Compiler.Compile(
            x => (DemoLoss.Score<Value, EngineOps>(workload.Layout, x[..count], x[count..^1]) * x[^1] + 1.0).Relu(),
            count + 3).Vmap(count);
        _rows = [.. Enumerable.Range(0, data.Count).SelectMany(i => new[] { data.X[i][0], data.X[i][1], -data.Y[i] })];
        _losses = new double[data.Count];
        _penalty = new double[count];
        _gradient = new double[count];
    }

    /// <summary>One sample's loss, mapped over the batch; the parameters are its shared inputs.</summary>
    public BatchedFunction Loss { get; }

    /// <summary>
    /// One step without allocating: returns mean(relu(1 − yᵢ·scoreᵢ)) + α·Σp² and leaves its gradient in this
    /// object's buffer.
    /// </summary>
    public double Step()
    {
        var p = _workload.Parameters;
        var alpha = _workload.Alpha;

        // α·Σp² as micrograd sums it, from 0; its gradient as reverse mode leaves it before the samples: 0 + p·α + p·α.
        var squares = p[0] * p[0] + 0.0;
        for (var j = 0; j < p.Length; j++)
        {
            squares = j == 0 ? squares : squares + p[j] * p[j];
            _penalty[j] = 0.0 + p[j] * alpha + p[j] * alpha;
        }

        var scale = 1.0 / _losses.Length;
        Loss.ValueAndGrad(p, _rows, scale, _penalty, _losses, _gradient, []);

        var sum = _losses[0] + 0.0; // Python's sum: (0 + l₀) + l₁ + …
        for (var i = 1; i < _losses.Length; i++)
        {
            sum += _losses[i];
        }

        return sum * scale + alpha * squares;
    }

    /// <summary>One step, with a copy of the gradient, for checking against the other implementations.</summary>
    public StepResult Run() => new(Step(), [.. _gradient]);
}
