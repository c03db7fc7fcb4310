namespace Micrograd.Functional.Bench.Workload;

/// <summary>
/// What one forward and backward pass produces: the output's value and the gradients of the
/// inputs that matter (a model's parameters, a chain's leaves), in a fixed order.
/// </summary>
/// <param name="Output">The value of the differentiated expression, e.g. the loss.</param>
/// <param name="Gradients">∂output/∂pᵢ for each input pᵢ, in the workload's order.</param>
public sealed record StepResult(double Output, IReadOnlyList<double> Gradients);
