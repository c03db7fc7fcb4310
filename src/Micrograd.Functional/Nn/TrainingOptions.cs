using System.Globalization;
using Micrograd.Functional.Data;

namespace Micrograd.Functional.Nn;

/// <summary>How a training step computes its loss and gradient.</summary>
public enum TrainingEngine
{
    /// <summary>
    /// Compile once, differentiate many times (the default): one sample's loss is traced once into a flat tape
    /// (the parameters and the sample's features as inputs) and mapped over each batch
    /// (<see cref="CompiledFunction.Vmap"/>), sixteen samples at a time on SIMD lanes. With the hinge or squared-error
    /// loss (one tape for both labels) every step gives the graph engine's numbers bit for bit, full batch or
    /// minibatch, up to <see cref="BatchedFunction.ChunkSize"/> samples a step (a larger batch is summed chunk by chunk on
    /// several threads: within 1e-12); with cross-entropy and softmax (one tape per class) the samples are summed class by class, equal up
    /// to rounding (within 1e-12 relative on the tests' runs).
    /// </summary>
    Compiled,

    /// <summary>Rebuild the graph every step and call Backward, as micrograd does: slower, and the clearest to read.</summary>
    Graph,
}

/// <summary>
/// How to train: the loss, the optimizer, the number of steps, the L2 strength, the batches and the engine.
/// Every setting is checked when it is set (also by a <c>with</c> expression): a null loss or optimizer throws
/// <see cref="ArgumentNullException"/>, a negative step count or an L2 strength that is negative, NaN or infinite
/// and an <see cref="Engine"/> that is not a named value throw <see cref="ArgumentOutOfRangeException"/> naming the setting and its value.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>micrograd's demo: hinge loss, SGD with η(k) = 1.0 − 0.9·k/100, 100 full-batch steps, L2 1e-4.</summary>
    public static TrainingOptions Micrograd { get; } = new();

    /// <summary>The loss (default: micrograd's hinge loss). Its kind fixes the model's outputs: 1 for a binary loss, k for softmax over k classes.</summary>
    public Loss Loss { get; init => field = value ?? throw new ArgumentNullException(nameof(Loss)); } = Loss.Hinge;

    /// <summary>
    /// The optimizer. When it is not set, it is SGD with micrograd's ramp stretched over the run:
    /// η(k) = 1.0 − 0.9·k/<see cref="Steps"/>, from 1.0 at step 0 to 0.1 at the end, so
    /// <c>TrainingOptions.Micrograd with { Steps = 200 }</c> ramps over 200 steps (micrograd's demo: over 100).
    /// An optimizer set explicitly keeps its own schedule whatever <see cref="Steps"/> is.
    /// </summary>
    public Optimizer Optimizer
    {
        get => field ?? new Sgd(LearningRate.Micrograd(Math.Max(Steps, 1)));
        init => field = value ?? throw new ArgumentNullException(nameof(Optimizer));
    }

    /// <summary>The number of steps, at least 0 (default 100).</summary>
    public int Steps
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Steps), value, "The number of training steps must be at least 0.");
    } = 100;

    /// <summary>The strength α of the L2 penalty α·Σp² added to the loss, finite and ≥ 0 (default 1e-4; 0 turns it off).</summary>
    public double L2
    {
        get;
        init => field = double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(L2), value, "The L2 strength must be a finite number ≥ 0 (a negative one rewards large weights).");
    } = 1e-4;

    /// <summary>
    /// The batch for each step, from the step number; null (the default) uses the whole dataset
    /// every step, as micrograd's demo does. Each step checks what it returns: null, or a batch whose feature count
    /// is not the model's inputs, throws an <see cref="ArgumentException"/> naming the step (on either engine).
    /// </summary>
    public Func<int, Dataset>? Batch { get; init; }

    /// <summary>How each step computes its loss and gradient (default <see cref="TrainingEngine.Compiled"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not one of <see cref="TrainingEngine"/>'s named values, e.g. <c>(TrainingEngine)7</c>.</exception>
    public TrainingEngine Engine
    {
        get;
        init => field = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Engine), value, $"The engine must be one of {string.Join(", ", Enum.GetNames<TrainingEngine>())}.");
    } = TrainingEngine.Compiled;

    /// <summary>E.g. <c>TrainingOptions(hinge, Sgd(lr 1 → 0.1 over 100 steps), 100 steps, L2 0.0001, full batch, Compiled)</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"TrainingOptions({Loss}, {Optimizer}, {Steps} steps, L2 {L2}, {(Batch is null ? "full batch" : "minibatches")}, {Engine})");
}
