using System.Globalization;
using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

namespace Micrograd.Playground.Training;

/// <summary>
/// The training page's controls, as the form edits them. The defaults are micrograd's demo: <c>Datasets.Moons()</c>
/// (100 points, noise 0.1, seed 1337), <c>Mlp.Create(2, [16, 16, 1], seed: 1337)</c> with ReLU, and
/// <c>TrainingOptions.Micrograd</c> (hinge loss, SGD ramping 1.0 → 0.1, 100 steps, L2 1e-4).
/// <see cref="Plan"/> checks them and builds the run.
/// </summary>
public sealed class TrainingSettings
{
    /// <summary>The most samples: the library's compiled engine stays on one thread up to 1,024 a batch, and the page's runtime has one.</summary>
    public const int MaxSamples = 1000;

    /// <summary>The most steps a run may have (the curves hold one point per step).</summary>
    public const int MaxSteps = 5000;

    /// <summary>
    /// The most parameters a model may have. A step (the first one also traces and compiles the per-sample tape) runs in
    /// one stretch the browser cannot paint in, and it grows with the parameters times the samples. Measured in headless
    /// Chromium on the shared 2-core machine with 1,000 samples: the first step of MLP(2, [48, 48, 48, 1]) (4,897
    /// parameters) took 88–134 ms and of MLP(2, [64, 64, 1]) (4,417) 83–112 ms, the longest stretch without a frame
    /// 139–196 ms; MLP(2, [64, 64, 64, 64, 1]) (12,737), allowed before this limit, took 205–253 ms a step.
    /// </summary>
    public const int MaxParameters = 5000;

    private readonly Dictionary<NumberField, string> texts = [];
    private readonly Dictionary<NumberField, string> textErrors = [];

    /// <summary>The dataset.</summary>
    public DatasetKind Dataset { get; set; } = DatasetKind.Moons;

    /// <summary>The number of points, 1 to <see cref="MaxSamples"/>.</summary>
    public int Samples { get; set; } = 100;

    /// <summary>The noise's standard deviation for moons and circles, 0 to 1 (blobs have σ = 1).</summary>
    public double Noise { get; set; } = 0.1;

    /// <summary>numpy's seed for the data, ≥ 0.</summary>
    public int Seed { get; set; } = 1337;

    /// <summary>The number of blobs (classes), 2 to 6; moons and circles have 2.</summary>
    public int Classes { get; set; } = 2;

    /// <summary>The hidden layers' widths as text (see <see cref="HiddenSizes"/>).</summary>
    public string Hidden { get; set; } = "16, 16";

    /// <summary>The hidden layers' activation.</summary>
    public Activation Activation { get; set; } = Activation.Relu;

    /// <summary>The loss.</summary>
    public LossKind Loss { get; set; } = LossKind.Hinge;

    /// <summary>The optimizer.</summary>
    public OptimizerKind Optimizer { get; set; } = OptimizerKind.SgdRamp;

    /// <summary>The learning rate (the ramp's start for <see cref="OptimizerKind.SgdRamp"/>), finite and &gt; 0.</summary>
    public double LearningRate { get; set; } = 1.0;

    /// <summary>The number of steps, 1 to <see cref="MaxSteps"/>.</summary>
    public int Steps { get; set; } = 100;

    /// <summary>Python's random seed for the initial weights, ≥ 0.</summary>
    public int ModelSeed { get; set; } = 1337;

    /// <summary>The number of classes the data will have: <see cref="Classes"/> for blobs, else 2.</summary>
    public int DataClasses => Dataset == DatasetKind.Blobs ? Classes : 2;

    /// <summary>
    /// The model's parameter count, Σ (inputs + 1)·outputs over its layers (2 inputs, the hidden widths, then one output
    /// for a binary loss or one per class for softmax), or null while the hidden sizes do not parse.
    /// </summary>
    public int? Parameters
    {
        get
        {
            var widths = Widths;
            return widths?.Zip(widths.Skip(1), (inputs, outputs) => (inputs + 1) * outputs).Sum();
        }
    }

    /// <summary>
    /// Takes what the user typed in a number box: the property behind it gets the number when the text reads as one
    /// (<see cref="NumberText.Read"/>), and otherwise keeps its value while <see cref="Problem"/> names the box and the
    /// text, so that no run starts with a number other than the one shown.
    /// </summary>
    /// <param name="field">The box.</param>
    /// <param name="text">Its text.</param>
    public void Enter(NumberField field, string? text)
    {
        texts[field] = text ?? "";
        var (value, error) = NumberText.Read(field, text);
        if (error is not null)
        {
            textErrors[field] = error;
            return;
        }

        textErrors.Remove(field);
        switch (field)
        {
            case NumberField.Samples: Samples = (int)value; break;
            case NumberField.Noise: Noise = value; break;
            case NumberField.Classes: Classes = (int)value; break;
            case NumberField.Seed: Seed = (int)value; break;
            case NumberField.LearningRate: LearningRate = value; break;
            case NumberField.Steps: Steps = (int)value; break;
            default: ModelSeed = (int)value; break;
        }
    }

    /// <summary>What a number box shows: the text last entered in it, or else its property's value.</summary>
    /// <param name="field">The box.</param>
    public string Text(NumberField field) => texts.TryGetValue(field, out var text) ? text : field switch
    {
        NumberField.Samples => Invariant($"{Samples}"),
        NumberField.Noise => Invariant($"{Noise}"),
        NumberField.Classes => Invariant($"{Classes}"),
        NumberField.Seed => Invariant($"{Seed}"),
        NumberField.LearningRate => Invariant($"{LearningRate}"),
        NumberField.Steps => Invariant($"{Steps}"),
        _ => Invariant($"{ModelSeed}"),
    };

    /// <summary>
    /// What is wrong with the settings, in words naming the control and its value, or null when they make a run: a
    /// number box whose text does not read (the noise box only for moons and circles, the classes box only for blobs),
    /// the hidden sizes, a value out of range, or a model over <see cref="MaxParameters"/>.
    /// </summary>
    public string? Problem
    {
        get
        {
            var unread = textErrors.Where(e => Applies(e.Key)).OrderBy(e => e.Key).Select(e => e.Value).FirstOrDefault();
            var (_, hiddenError) = HiddenSizes.Parse(Hidden);
            return unread ?? hiddenError ?? Check(
                (Samples is >= 1 and <= MaxSamples, $"Samples must be from 1 to {MaxSamples}; got {Samples}."),
                (double.IsFinite(Noise) && Noise is >= 0 and <= 1, Invariant($"Noise must be from 0 to 1; got {Noise}.")),
                (Seed >= 0, $"The data seed must be 0 or more; got {Seed}."),
                (Dataset != DatasetKind.Blobs || Classes is >= 2 and <= 6, $"Blobs must have 2 to 6 classes; got {Classes}."),
                (DataClasses <= Samples, $"{DataClasses} classes need at least {DataClasses} samples; got {Samples}."),
                (Loss == LossKind.SoftmaxCrossEntropy || DataClasses == 2,
                    $"The {TrainingChoices.Describe(Loss)} loss is binary (labels 0 and 1) but the blobs have {DataClasses} classes: choose softmax cross-entropy."),
                (double.IsFinite(LearningRate) && LearningRate > 0, Invariant($"The learning rate must be a finite number above 0; got {LearningRate}.")),
                (Steps is >= 1 and <= MaxSteps, $"Steps must be from 1 to {MaxSteps}; got {Steps}."),
                (ModelSeed >= 0, $"The model seed must be 0 or more; got {ModelSeed}."),
                (Parameters <= MaxParameters, Invariant(
                    $"The model MLP{Shape} has {Parameters:N0} parameters; the limit here is {MaxParameters:N0} (a step runs in one stretch that grows with them, and the page cannot repaint meanwhile): choose fewer or narrower hidden layers.")));
        }
    }

    /// <summary>The inputs (2), the hidden widths and the outputs (one per class for softmax, else 1), or null while the hidden sizes do not parse.</summary>
    private int[]? Widths => HiddenSizes.Parse(Hidden).Sizes is { } hidden ? [2, .. hidden, Loss == LossKind.SoftmaxCrossEntropy ? DataClasses : 1] : null;

    /// <summary>The layer widths as micrograd prints an MLP's, e.g. <c>(2, [16, 16, 1])</c>.</summary>
    private string Shape => $"(2, [{string.Join(", ", Widths!.Skip(1))}])";

    /// <summary>Whether a box's value is used by the current dataset (noise: not for blobs; classes: only for blobs).</summary>
    private bool Applies(NumberField field) => field switch
    {
        NumberField.Noise => Dataset != DatasetKind.Blobs,
        NumberField.Classes => Dataset == DatasetKind.Blobs,
        _ => true,
    };

    /// <summary>The run these settings describe: the data, a fresh model and the library's options.</summary>
    /// <exception cref="ArgumentException">The settings have a <see cref="Problem"/>; the message is that problem.</exception>
    public TrainingPlan Plan()
    {
        if (Problem is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var data = Dataset switch
        {
            DatasetKind.Moons => Datasets.Moons(Samples, Noise, Seed),
            DatasetKind.Circles => Datasets.Circles(Samples, Noise, seed: Seed),
            _ => Datasets.Blobs(Samples, Seed, classes: Classes),
        };
        var loss = Loss switch
        {
            LossKind.Hinge => Micrograd.Functional.Nn.Loss.Hinge,
            LossKind.MeanSquaredError => Micrograd.Functional.Nn.Loss.MeanSquaredError,
            LossKind.BinaryCrossEntropy => Micrograd.Functional.Nn.Loss.BinaryCrossEntropy,
            _ => Micrograd.Functional.Nn.Loss.SoftmaxCrossEntropy,
        };
        Optimizer optimizer = Optimizer switch
        {
            OptimizerKind.SgdRamp => new Sgd(new LearningRate.Linear(LearningRate, LearningRate / 10, Steps)),
            OptimizerKind.Sgd => new Sgd(LearningRate),
            OptimizerKind.Momentum => new Momentum(LearningRate),
            _ => new Adam(LearningRate),
        };
        var model = Mlp.Create(2, [.. HiddenSizes.Parse(Hidden).Sizes!, loss.OutputsFor(data.Classes)], ModelSeed, Activation);
        return new TrainingPlan(data, model, new TrainingOptions { Loss = loss, Optimizer = optimizer, Steps = Steps });
    }

    /// <summary>The message of the first failed check, or null.</summary>
    private static string? Check(params (bool Ok, string Message)[] checks) => checks.FirstOrDefault(c => !c.Ok).Message;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
