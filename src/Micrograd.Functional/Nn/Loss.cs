using System.Diagnostics.Contracts;

namespace Micrograd.Functional.Nn;

/// <summary>
/// A classification loss over a batch: the mean of a per-sample loss of the model's score s and
/// the sample's class label y ∈ {0, 1}. A positive score predicts class 1.
/// Sums are built as Python's <c>sum</c> builds them (0 + l₀ + l₁ + …), so micrograd's demo graph
/// is reproduced node for node.
/// </summary>
public abstract record Loss
{
    /// <summary>micrograd's SVM max-margin (hinge) loss: relu(1 − t·s) with t = 2y − 1 ∈ {−1, +1}.</summary>
    public static readonly Loss Hinge = new HingeLoss();

    /// <summary>Mean squared error against t = 2y − 1: (s − t)².</summary>
    public static readonly Loss MeanSquaredError = new SquaredErrorLoss();

    /// <summary>Binary cross-entropy on the logit s: softplus(s) − y·s = −[y ln σ(s) + (1 − y) ln(1 − σ(s))], stable for any |s|.</summary>
    public static readonly Loss BinaryCrossEntropy = new CrossEntropyLoss();

    /// <summary>The loss's short name: <c>hinge</c>, <c>mse</c> or <c>bce</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Every loss, by name.</summary>
    public static IReadOnlyList<Loss> All { get; } = [Hinge, MeanSquaredError, BinaryCrossEntropy];

    /// <summary>The loss of one sample.</summary>
    /// <param name="score">The model's output s.</param>
    /// <param name="label">The class label y, 0 or 1.</param>
    [Pure]
    public abstract Value Of(Value score, int label);

    /// <summary>The mean loss over a batch: (l₀ + l₁ + … + lₙ₋₁) · (1/n), as micrograd writes it.</summary>
    /// <param name="scores">One score per sample.</param>
    /// <param name="labels">One class label (0 or 1) per sample.</param>
    /// <exception cref="ArgumentException">The counts differ, the batch is empty, or a label is not 0 or 1.</exception>
    [Pure]
    public Value Mean(IReadOnlyList<Value> scores, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Count != labels.Count || scores.Count == 0)
        {
            throw new ArgumentException($"A loss needs one label per score and at least one sample; got {scores.Count} scores and {labels.Count} labels.", nameof(labels));
        }

        if (labels.Where(y => y is not (0 or 1)).Select(y => (int?)y).FirstOrDefault() is { } bad)
        {
            throw new ArgumentException($"Class labels must be 0 or 1; found {bad}.", nameof(labels));
        }

        return Sum(scores.Select((s, i) => Of(s, labels[i]))) * (1.0 / scores.Count);
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

    /// <summary>The fraction of samples whose score has the sign of their class: s &gt; 0 for class 1, s ≤ 0 for class 0.</summary>
    /// <param name="scores">One score per sample.</param>
    /// <param name="labels">One class label (0 or 1) per sample.</param>
    [Pure]
    public static double Accuracy(IReadOnlyList<double> scores, IReadOnlyList<int> labels) =>
        scores.Count == 0 ? 0.0 : scores.Where((s, i) => s > 0 == (labels[i] == 1)).Count() / (double)scores.Count;

    /// <summary>Finds a loss by its <see cref="Name"/> (case-insensitive).</summary>
    /// <param name="name">hinge, mse or bce.</param>
    public static LanguageExt.Option<Loss> Parse(string name) =>
        LanguageExt.Prelude.Optional(All.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The loss's name (sealed, so that the cases do not print as records).</summary>
    public sealed override string ToString() => Name;

    private sealed record HingeLoss : Loss
    {
        public override string Name => "hinge";

        // micrograd: (1 + -yi*scorei).relu(), i.e. (s · (−t) + 1).relu().
        public override Value Of(Value score, int label) => (score * -(2.0 * label - 1) + 1.0).Relu();
    }

    private sealed record SquaredErrorLoss : Loss
    {
        public override string Name => "mse";

        public override Value Of(Value score, int label) => (score - (2.0 * label - 1)).Pow(2);
    }

    private sealed record CrossEntropyLoss : Loss
    {
        public override string Name => "bce";

        public override Value Of(Value score, int label) => label == 1 ? score.Softplus() - score : score.Softplus();
    }
}
