using System.Diagnostics.Contracts;

namespace Micrograd.Functional.Nn;

/// <summary>A loss of one score s per sample and a class label y ∈ {0, 1}; a positive score predicts class 1.</summary>
public abstract record BinaryLoss : Loss
{
    /// <summary>The loss of one sample.</summary>
    /// <param name="score">The model's output s.</param>
    /// <param name="label">The class label y, 0 or 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="label"/> is neither 0 nor 1.</exception>
    [Pure]
    public Value Of(Value score, int label)
    {
        ArgumentNullException.ThrowIfNull(score);
        return label is 0 or 1
            ? Formula(score, label)
            : throw new ArgumentOutOfRangeException(nameof(label), label, $"The {Name} loss is binary: class labels must be 0 or 1; found {label}.");
    }

    /// <summary>2: a binary loss reads a model with exactly 1 output.</summary>
    /// <param name="outputs">The model's number of outputs.</param>
    /// <exception cref="ArgumentException"><paramref name="outputs"/> is not 1.</exception>
    [Pure]
    public sealed override int ClassesFor(int outputs) => outputs == 1
        ? 2
        : throw new ArgumentException($"The {Name} loss is binary: it needs a model with 1 output, and this one has {outputs}. {ForKClasses}", nameof(outputs));

    /// <summary>1: a binary loss tells exactly 2 classes apart with one score.</summary>
    /// <param name="classes">The number of classes.</param>
    /// <exception cref="ArgumentException"><paramref name="classes"/> is not 2.</exception>
    [Pure]
    public sealed override int OutputsFor(int classes) => classes == 2
        ? 1
        : throw new ArgumentException($"The {Name} loss is binary: it cannot tell {classes} classes apart. {ForKClasses}", nameof(classes));

    /// <summary>The loss of one sample from a model's single output.</summary>
    /// <param name="scores">Exactly one score.</param>
    /// <param name="label">The class label, 0 or 1.</param>
    /// <exception cref="ArgumentException">There is not exactly one score.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="label"/> is neither 0 nor 1.</exception>
    [Pure]
    public sealed override Value Of(IReadOnlyList<Value> scores, int label)
    {
        ArgumentNullException.ThrowIfNull(scores);
        _ = ClassesFor(scores.Count); // exactly one score, or a message saying so
        return Of(scores[0], label);
    }

    /// <summary>The mean loss over a batch of single scores: (l₀ + l₁ + … + lₙ₋₁) · (1/n), as micrograd writes it.</summary>
    /// <param name="scores">One score per sample.</param>
    /// <param name="labels">One class label (0 or 1) per sample.</param>
    /// <exception cref="ArgumentException">The counts differ, the batch is empty, or a label is not 0 or 1.</exception>
    [Pure]
    public Value Mean(IReadOnlyList<Value> scores, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return Mean([.. scores.Select(s => (IReadOnlyList<Value>)[s])], labels);
    }

    /// <summary>
    /// The formula with the label as a number fed per sample, so that one compiled tape serves both classes:
    /// how a label becomes that number, and the formula over it, giving bit for bit the same nodes' values as
    /// <see cref="Formula"/>. Null when the label changes the formula's shape.
    /// </summary>
    internal virtual (Func<int, double> Encode, Func<Value, Value, Value> Formula)? LabelAsInput => null;

    private const string ForKClasses = "For k classes use the softmax cross-entropy (Loss.SoftmaxCrossEntropy, ce).";

    /// <summary>The formula proper, for a label already checked to be 0 or 1.</summary>
    /// <param name="score">The score s.</param>
    /// <param name="label">The class label y, 0 or 1.</param>
    [Pure]
    protected abstract Value Formula(Value score, int label);
}

/// <content>The binary losses' formulas.</content>
public abstract partial record Loss
{
    private sealed record HingeLoss : BinaryLoss
    {
        public override string Name => "hinge";

        // micrograd: (1 + -yi*scorei).relu(), i.e. (s · (−t) + 1).relu().
        protected override Value Formula(Value score, int label) => (score * -(2.0 * label - 1) + 1.0).Relu();

        internal override (Func<int, double> Encode, Func<Value, Value, Value> Formula)? LabelAsInput =>
            (label => -(2.0 * label - 1), (score, negated) => (score * negated + 1.0).Relu());
    }

    private sealed record SquaredErrorLoss : BinaryLoss
    {
        public override string Name => "mse";

        protected override Value Formula(Value score, int label) => (score - (2.0 * label - 1)).Pow(2);

        // score − t is built as score + (−t), so the input holds −t.
        internal override (Func<int, double> Encode, Func<Value, Value, Value> Formula)? LabelAsInput =>
            (label => -(2.0 * label - 1), (score, negated) => (score + negated).Pow(2));
    }

    private sealed record CrossEntropyLoss : BinaryLoss
    {
        public override string Name => "bce";

        protected override Value Formula(Value score, int label) => label == 1 ? score.Softplus() - score : score.Softplus();
    }
}
