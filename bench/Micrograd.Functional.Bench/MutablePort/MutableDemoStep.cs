using Micrograd.Functional.Bench.Graphs;
using Micrograd.Functional.Bench.Workload;

namespace Micrograd.Functional.Bench.MutablePort;

/// <summary>
/// The demo step with the mutable port, as micrograd's demo loop does it: zero the parameters'
/// gradients, build the loss graph, run backward, and read each parameter's <c>Grad</c>.
/// </summary>
/// <param name="workload">The shared demo workload.</param>
public sealed class MutableDemoStep(DemoWorkload workload)
{
    /// <summary>The parameters, built once and reused by every step, as a model's are.</summary>
    public MutableValue[] Parameters { get; } = workload.Parameters.Select(p => new MutableValue(p)).ToArray();

    /// <summary>One forward and backward pass: the loss and ∂loss/∂p for every parameter.</summary>
    public StepResult Run()
    {
        MutableValue.ZeroGrad(Parameters);
        var loss = DemoLoss.Build<MutableValue, MutableOps>(workload, Parameters);
        loss.Backward();
        return new StepResult(loss.Data, Array.ConvertAll(Parameters, p => p.Grad));
    }
}
