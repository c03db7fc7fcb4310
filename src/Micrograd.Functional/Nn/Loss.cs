using System.Diagnostics.Contracts;

namespace Micrograd.Functional.Nn;

/// <summary>
/// A classification loss over a batch: the mean of a per-sample loss of the model's outputs and the sample's
/// class label. Binary losses (<see cref="BinaryLoss"/>: hinge, mse, bce) read one score s per sample and
/// labels y ∈ {0, 1}, a positive score predicting class 1; <see cref="SoftmaxCrossEntropy"/> reads k ≥ 2
/// scores per sample and labels 0..k−1. Sums are built as Python's <c>sum</c> builds them
/// (0 + l₀ + l₁ + …), so micrograd's demo graph is reproduced node for node.
/// </summary>
public abstract partial record Loss
{
    /// <summary>micrograd's SVM max-margin (hinge) loss: relu(1 − t·s) with t = 2y − 1 ∈ {−1, +1}.</summary>
    public static readonly BinaryLoss Hinge = new HingeLoss();

    /// <summary>Mean squared error against t = 2y − 1: (s − t)².</summary>
    public static readonly BinaryLoss MeanSquaredError = new SquaredErrorLoss();

    /// <summary>Binary cross-entropy on the logit s: softplus(s) − y·s = −[y ln σ(s) + (1 − y) ln(1 − σ(s))], stable for any |s|.</summary>
    public static readonly BinaryLoss BinaryCrossEntropy = new CrossEntropyLoss();

    /// <summary>
    /// Softmax cross-entropy over k ≥ 2 scores s₀…sₖ₋₁ and a label y ∈ 0..k−1:
    /// −ln softmax(s)ᵧ = ln Σⱼ e^(sⱼ) − sᵧ, computed as M + ln Σⱼ e^(sⱼ − M) − sᵧ with M = maxⱼ sⱼ, so it stays
    /// finite for scores like ±1000. Its gradient is ∂/∂sⱼ = softmax(s)ⱼ − [j = y].
    /// </summary>
    public static readonly Loss SoftmaxCrossEntropy = new SoftmaxCrossEntropyLoss();

    /// <summary>The loss's short name: <c>hinge</c>, <c>mse</c>, <c>bce</c> or <c>ce</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Every loss, by name.</summary>
    public static IReadOnlyList<Loss> All { get; } = [Hinge, MeanSquaredError, BinaryCrossEntropy, SoftmaxCrossEntropy];

    /// <summary>True for a loss of one score per sample and labels 0 and 1 (a <see cref="BinaryLoss"/>).</summary>
    public bool IsBinary => this is BinaryLoss;

    /// <summary>The loss of one sample from the model's outputs.</summary>
    /// <param name="scores">The model's outputs: one for a binary loss, k ≥ 2 for <see cref="SoftmaxCrossEntropy"/>.</param>
    /// <param name="label">The class label, 0..k−1 (0 or 1 for a binary loss).</param>
    /// <exception cref="ArgumentException">The number of scores does not suit the loss.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The label is outside the classes.</exception>
    [Pure]
    public abstract Value Of(IReadOnlyList<Value> scores, int label);

    /// <summary>The number of classes a model with <paramref name="outputs"/> outputs tells apart under this loss: k for k ≥ 2 outputs (2 for a binary loss, which reads 1 output).</summary>
    /// <param name="outputs">The model's number of outputs.</param>
    /// <exception cref="ArgumentException">The loss cannot read that many outputs (softmax needs at least 2; a binary loss exactly 1).</exception>
    [Pure]
    public virtual int ClassesFor(int outputs) => outputs >= 2
        ? outputs
        : throw new ArgumentException($"The {Name} loss needs a model with at least 2 outputs, one score per class; this one has {outputs}.", nameof(outputs));

    /// <summary>The number of outputs a model needs to tell <paramref name="classes"/> classes apart under this loss: k, one score per class (1 for a binary loss).</summary>
    /// <param name="classes">The number of classes, at least 2.</param>
    /// <exception cref="ArgumentException">There are fewer than 2 classes, or a binary loss is asked for more than 2.</exception>
    [Pure]
    public virtual int OutputsFor(int classes) => classes >= 2
        ? classes
        : throw new ArgumentException($"A classifier needs at least 2 classes, not {classes}.", nameof(classes));

    /// <summary>The mean loss over a batch: (l₀ + l₁ + … + lₙ₋₁) · (1/n), as micrograd writes it.</summary>
    /// <param name="outputs">Each sample's outputs, all of the same width.</param>
    /// <param name="labels">One class label per sample.</param>
    /// <exception cref="ArgumentException">The counts differ, the batch is empty, the widths differ or do not suit the loss, or a label is outside the classes.</exception>
    [Pure]
    public Value Mean(IReadOnlyList<IReadOnlyList<Value>> outputs, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(labels);
        if (outputs.Count != labels.Count || outputs.Count == 0)
        {
            throw new ArgumentException($"A loss needs one label per score and at least one sample; got {outputs.Count} scores and {labels.Count} labels.", nameof(labels));
        }

        var width = outputs[0].Count;
        for (var i = 1; i < outputs.Count; i++)
        {
            if (outputs[i].Count != width)
            {
                throw new ArgumentException($"Sample {i} has {outputs[i].Count} outputs but sample 0 has {width}.", nameof(outputs));
            }
        }

        CheckLabels(labels, ClassesFor(width));
        return Sum(outputs.Select((s, i) => Of(s, labels[i]))) * (1.0 / outputs.Count);
    }

    /// <summary>Checks that every label is a class 0..k−1.</summary>
    /// <param name="labels">The labels.</param>
    /// <param name="classes">k, the number of classes.</param>
    /// <exception cref="ArgumentException">A label is outside 0..k−1; the message names it.</exception>
    public static void CheckLabels(IEnumerable<int> labels, int classes)
    {
        if (FirstOutside(labels, classes) is { } bad)
        {
            throw new ArgumentException($"Class labels must be {ClassRange(classes)}; found {bad}.", nameof(labels));
        }
    }

    /// <summary>Python's <c>sum</c> over nodes: (0 + x₀) + x₁ + …, where 0 + x₀ is built as x₀ + 0.</summary>
    /// <param name="terms">The terms; an empty sequence sums to a constant 0.</param>
    [Pure]
    public static Value Sum(IEnumerable<Value> terms)
    {
        Value? sum = null;
        foreach (var term in terms)
        {
            sum = sum is null ? term + 0.0 : sum + term;
        }

        return sum ?? new Value(0.0);
    }

    /// <summary>micrograd's L2 penalty α·Σp², built as (Σ p·p)·α.</summary>
    /// <param name="parameters">The parameters p.</param>
    /// <param name="alpha">The strength α (micrograd's demo: 1e-4).</param>
    [Pure]
    public static Value L2(IEnumerable<Value> parameters, double alpha) => alpha * Sum(parameters.Select(p => p * p));

    /// <summary>
    /// The fraction of samples whose binary score has the sign of their class: s &gt; 0 for class 1, s ≤ 0 for class 0
    /// (see <see cref="Classification.Predict"/>). A shorthand for binary scores: <see cref="Classification.Accuracy"/>
    /// is the general one (predicted classes, any k), and <see cref="Training.Accuracy"/> scores a model on a dataset.
    /// </summary>
    /// <param name="scores">One score per sample.</param>
    /// <param name="labels">One class label (0 or 1) per sample.</param>
    /// <exception cref="ArgumentException">A label is neither 0 nor 1, or the counts differ.</exception>
    [Pure]
    public static double Accuracy(IReadOnlyList<double> scores, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (FirstOutside(labels, 2) is { } bad)
        {
            throw new ArgumentException(
                $"Class labels must be 0 or 1; found {bad}. Loss.Accuracy reads one binary score per sample; for k classes use " +
                "Classification.Accuracy on the classes Classification.Predict gives, or Training.Accuracy(model, data).",
                nameof(labels));
        }

        return Classification.Accuracy([.. scores.Select(s => Classification.Predict([s]))], labels);
    }

    /// <summary>Finds a loss by its <see cref="Name"/> (case-insensitive).</summary>
    /// <param name="name">hinge, mse, bce or ce.</param>
    public static LanguageExt.Option<Loss> Parse(string name) =>
        LanguageExt.Prelude.Optional(All.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The loss's name (sealed, so that the cases do not print as records).</summary>
    public sealed override string ToString() => Name;

    /// <summary>The first label outside 0..k−1, or null.</summary>
    private static int? FirstOutside(IEnumerable<int> labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return labels.Where(y => y < 0 || y >= classes).Select(y => (int?)y).FirstOrDefault();
    }

    /// <summary>"0 or 1", or "0 to k−1".</summary>
    private protected static string ClassRange(int classes) => classes == 2 ? "0 or 1" : $"0 to {classes - 1}";
}
