namespace Micrograd.Playground.Training;

/// <summary>The toy datasets the page offers (the library's <c>Datasets</c>, sklearn's layouts).</summary>
public enum DatasetKind
{
    /// <summary>Two interleaving half circles, micrograd's demo data.</summary>
    Moons,

    /// <summary>A circle inside another.</summary>
    Circles,

    /// <summary>Gaussian blobs, one per class (2 or more classes).</summary>
    Blobs,
}

/// <summary>The losses the page offers.</summary>
public enum LossKind
{
    /// <summary>micrograd's max-margin loss, max(0, 1 − y·s), binary.</summary>
    Hinge,

    /// <summary>Squared error (s − y)², binary.</summary>
    MeanSquaredError,

    /// <summary>Binary cross-entropy on the logit s.</summary>
    BinaryCrossEntropy,

    /// <summary>−ln softmax(s)ᵧ over one score per class (any number of classes ≥ 2).</summary>
    SoftmaxCrossEntropy,
}

/// <summary>The optimizers the page offers, each with a learning rate the page starts it at.</summary>
public enum OptimizerKind
{
    /// <summary>micrograd's SGD: η(k) = η₀ − 0.9·η₀·k/steps, a ramp from η₀ to η₀/10 (η₀ = 1 is the demo's schedule).</summary>
    SgdRamp,

    /// <summary>SGD at a constant rate η.</summary>
    Sgd,

    /// <summary>SGD with momentum β = 0.9 at a constant rate.</summary>
    Momentum,

    /// <summary>Adam (β₁ 0.9, β₂ 0.999, ε 1e-8) at a constant rate.</summary>
    Adam,
}

/// <summary>
/// How the training loop gives the browser a turn between steps (so the page repaints and takes clicks). Measured in
/// headless Chromium on a shared 2-core machine, micrograd's 100-step demo after a warm-up run, four runs each: wall time
/// 437–768 ms with <see cref="Message"/>, 1,017–1,225 ms with <see cref="Timeout"/>, 1,086–1,401 ms with
/// <see cref="Delay"/>, for 90–141 ms inside the library's steps; the page painted at 53–62 frames a second with each.
/// The page uses <see cref="Message"/>.
/// </summary>
public enum RendererYield
{
    /// <summary><c>await Task.Delay(1)</c>: a .NET timer, which the WebAssembly runtime runs on a browser timer.</summary>
    Delay,

    /// <summary><c>micrograd.nextFrame</c>: a JavaScript <c>setTimeout(0)</c> awaited through interop.</summary>
    Timeout,

    /// <summary><c>micrograd.yieldMessage</c>: a MessageChannel message awaited through interop (no timer clamp).</summary>
    Message,
}

/// <summary>The choices' names as the page's selects show them, and the rate suggested for each optimizer.</summary>
public static class TrainingChoices
{
    /// <summary>The select's text for a loss.</summary>
    /// <param name="loss">The loss.</param>
    public static string Describe(LossKind loss) => loss switch
    {
        LossKind.Hinge => "hinge (micrograd)",
        LossKind.MeanSquaredError => "mean squared error",
        LossKind.BinaryCrossEntropy => "binary cross-entropy",
        _ => "softmax cross-entropy (k classes)",
    };

    /// <summary>The select's text for an optimizer.</summary>
    /// <param name="optimizer">The optimizer.</param>
    public static string Describe(OptimizerKind optimizer) => optimizer switch
    {
        OptimizerKind.SgdRamp => "SGD, micrograd's ramp to lr/10",
        OptimizerKind.Sgd => "SGD, constant lr",
        OptimizerKind.Momentum => "momentum 0.9",
        _ => "Adam",
    };

    /// <summary>
    /// The learning rate the page suggests for this optimizer (it never changes the rate by itself): 1 for micrograd's ramp (its demo), 0.1 for
    /// constant SGD and momentum (momentum multiplies a step by about 1/(1 − 0.9) = 10), 0.05 for Adam.
    /// </summary>
    /// <param name="optimizer">The optimizer.</param>
    public static double DefaultRate(OptimizerKind optimizer) => optimizer switch
    {
        OptimizerKind.SgdRamp => 1.0,
        OptimizerKind.Adam => 0.05,
        _ => 0.1,
    };

    /// <summary>The select's text for a way of yielding.</summary>
    /// <param name="yield">The way.</param>
    public static string Describe(RendererYield yield) => yield switch
    {
        RendererYield.Delay => "await Task.Delay(1)",
        RendererYield.Timeout => "JS setTimeout(0)",
        _ => "JS MessageChannel",
    };
}
