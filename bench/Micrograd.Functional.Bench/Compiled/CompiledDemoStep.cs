using Micrograd.Functional.Bench.Engine;
using Micrograd.Functional.Bench.Graphs;
using Micrograd.Functional.Bench.Workload;

namespace Micrograd.Functional.Bench.Compiled;

/// <summary>
/// The demo step on the library's compiled tape: the whole demo loss is traced once, with the 337
/// parameters as the inputs and the data frozen as constants; a step is then one
/// <see cref="CompiledFunction.ValueAndGrad(ReadOnlySpan{double}, Span{double})"/> call, with no graph.
/// </summary>
public sealed class CompiledDemoStep
{
    private readonly DemoWorkload _workload;
    private readonly double[] _gradient;

    /// <summary>Compiles the demo loss of <paramref name="workload"/>.</summary>
    /// <param name="workload">The shared demo workload.</param>
    public CompiledDemoStep(DemoWorkload workload)
    {
        _workload = workload;
        Loss = Compiler.Compile(parameters => DemoLoss.Build<Value, EngineOps>(workload, parameters), workload.Layout.ParameterCount);
        _gradient = new double[workload.Layout.ParameterCount];
    }

    /// <summary>The compiled loss, a function of the parameters.</summary>
    public CompiledFunction Loss { get; }

    /// <summary>One step without allocating: returns the loss and leaves ∂loss/∂p in this object's buffer.</summary>
    public double Step() => Loss.ValueAndGrad(_workload.Parameters, _gradient);

    /// <summary>One step, with a copy of the gradient, for checking against the other implementations.</summary>
    public StepResult Run() => new(Step(), [.. _gradient]);
}
