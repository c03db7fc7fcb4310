using Micrograd.Functional.Bench.Graphs;
using Micrograd.Functional.Bench.Workload;

namespace Micrograd.Functional.Bench.Engine;

/// <summary>
/// The demo step with the library's engine: build the loss graph from fixed parameter leaves and
/// fresh input leaves, differentiate it, read the 337 parameter gradients from the map.
/// </summary>
/// <param name="workload">The shared demo workload.</param>
public sealed class EngineDemoStep(DemoWorkload workload)
{
    /// <summary>The parameters as leaves; immutable, so they are built once and reused by every step.</summary>
    public Value[] Parameters { get; } = workload.Parameters.Select(p => new Value(p)).ToArray();

    /// <summary>Builds the loss graph only (no backward pass).</summary>
    public Value Loss() => DemoLoss.Build<Value, EngineOps>(workload, Parameters);

    /// <summary>One forward and backward pass: the loss and ∂loss/∂p for every parameter.</summary>
    public StepResult Run()
    {
        var loss = Loss();
        return new StepResult(loss.Data, loss.Backward().For(Parameters));
    }
}
