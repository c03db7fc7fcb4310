using System.Collections.Immutable;
using Micrograd.Functional.Nn;

namespace Micrograd.Demo.Settings;

/// <summary>Everything a training run is told on the command line, already checked.</summary>
/// <param name="Dataset">Which data to train on.</param>
/// <param name="Steps">The number of training steps, at least 1.</param>
/// <param name="Seed">The seed of the data, of the initial weights and of the minibatches.</param>
/// <param name="Hidden">The widths of the hidden layers; the linear output layer (one neuron for a binary loss, one per class for softmax) is added after them.</param>
/// <param name="Activation">The activation of the hidden layers.</param>
/// <param name="Loss">The per-sample loss: binary (hinge, mse, bce) or softmax cross-entropy (ce).</param>
/// <param name="Optimizer">The optimizer and its default learning rate.</param>
/// <param name="LearningRate">The initial learning rate, or null for the optimizer's default.</param>
/// <param name="BatchSize">The rows per step, or null for the whole dataset every step.</param>
/// <param name="Out">The folder for the output files, or null for <c>artifacts/DATASET</c>.</param>
/// <param name="Engine">How each step differentiates: the compiled tape or the rebuilt graph.</param>
/// <param name="Classes">The number of classes asked for with <c>--classes</c> (blobs only), or null for the data's own.</param>
/// <param name="MemoryBudget">The <c>--memory-budget</c> size in bytes and its text, or null to take <see cref="Settings.MemoryBudget.Variable"/> or the default.</param>
/// <param name="Onnx">True with <c>--onnx</c>: the set also holds <c>model.onnx</c>.</param>
public sealed record DemoSettings(
    DatasetChoice Dataset,
    int Steps,
    int Seed,
    ImmutableArray<int> Hidden,
    Activation Activation,
    Loss Loss,
    OptimizerChoice Optimizer,
    double? LearningRate,
    int? BatchSize,
    string? Out,
    TrainingEngine Engine = TrainingEngine.Compiled,
    int? Classes = null,
    Parsed<long>? MemoryBudget = null,
    bool Onnx = false)
{
    /// <summary>The strength of the L2 penalty α·Σp² added to the loss: micrograd's 1e-4.</summary>
    public const double L2 = 1e-4;

    /// <summary>The learning rate at step 0: <c>--lr</c>, or the optimizer's default for the number of classes (<see cref="OptimizerChoice.DefaultRateFor"/>).</summary>
    public double InitialRate => LearningRate ?? Optimizer.DefaultRateFor(Classes ?? 2);

    /// <summary>The optimizer with its learning-rate schedule for this run.</summary>
    public Optimizer CreateOptimizer() => Optimizer.Create(InitialRate, Steps);
}
