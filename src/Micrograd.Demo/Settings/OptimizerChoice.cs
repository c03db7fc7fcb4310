using LanguageExt;
using Micrograd.Functional.Nn;
using static LanguageExt.Prelude;

namespace Micrograd.Demo.Settings;

/// <summary>
/// The <c>--optimizer</c> argument and its default initial learning rate. Every optimizer decays its rate
/// linearly to a tenth of the initial rate over the run, so SGD at its default 1.0 is micrograd's
/// schedule η(k) = 1.0 − 0.9·k/steps exactly.
/// </summary>
/// <param name="Name">sgd, momentum or adam.</param>
/// <param name="DefaultRate">The initial learning rate when <c>--lr</c> is not given, for binary data.</param>
/// <param name="KClassRate">The initial learning rate when <c>--lr</c> is not given, for more than 2 classes (softmax over k outputs).</param>
/// <param name="Make">Builds the optimizer around a schedule.</param>
public sealed record OptimizerChoice(string Name, double DefaultRate, double KClassRate, Func<LearningRate, Optimizer> Make)
{
    /// <summary>
    /// micrograd's plain SGD, starting at 1.0 (micrograd's schedule), or at 0.1 above 2 classes: the softmax's k
    /// outputs on blobs' coordinates (about ±10) overshoot at 1.0 (3 blobs, seed 1337: the loss jumps from 5.7 to 28.8
    /// and ends at 76%; from 0.1 it falls steadily to 87%).
    /// </summary>
    public static readonly OptimizerChoice Sgd = new("sgd", 1.0, 0.1, rate => new Sgd(rate));

    /// <summary>SGD with momentum 0.9, starting at 0.1 (momentum multiplies the step by about 1/(1 − 0.9) = 10).</summary>
    public static readonly OptimizerChoice Momentum = new("momentum", 0.1, 0.1, rate => new Momentum(rate));

    /// <summary>Adam with PyTorch's defaults, starting at 0.05.</summary>
    public static readonly OptimizerChoice Adam = new("adam", 0.05, 0.05, rate => new Adam(rate));

    /// <summary>Every choice, in the order help lists them.</summary>
    public static IReadOnlyList<OptimizerChoice> All { get; } = [Sgd, Momentum, Adam];

    /// <summary>Finds an optimizer by name (any case).</summary>
    /// <param name="name">sgd, momentum or adam.</param>
    public static Option<OptimizerChoice> Parse(string name) =>
        Optional(All.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The initial rate when <c>--lr</c> is not given: <see cref="KClassRate"/> above 2 classes, else <see cref="DefaultRate"/>.</summary>
    /// <param name="classes">The number of classes of the data.</param>
    public double DefaultRateFor(int classes) => classes > 2 ? KClassRate : DefaultRate;

    /// <summary>The optimizer for a run: η(k) = η₀ − (η₀ − η₀/10)·k/steps, a straight line from η₀ to a tenth of it.</summary>
    /// <param name="start">The initial rate η₀.</param>
    /// <param name="steps">The length of the run.</param>
    public Optimizer Create(double start, int steps) => Make(new LearningRate.Linear(start, start / 10, steps));

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
