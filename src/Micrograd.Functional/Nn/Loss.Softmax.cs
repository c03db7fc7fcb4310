namespace Micrograd.Functional.Nn;

/// <content>The softmax cross-entropy over k scores.</content>
public abstract partial record Loss
{
    private sealed record SoftmaxCrossEntropyLoss : Loss
    {
        public override string Name => "ce";

        /// <summary>ln Σⱼ e^(sⱼ − M) + (M − sᵧ) with M = maxⱼ sⱼ: every exponent is ≤ 0 and the sum is ≥ 1, so nothing overflows.</summary>
        public override Value Of(IReadOnlyList<Value> scores, int label)
        {
            ArgumentNullException.ThrowIfNull(scores);
            var classes = ClassesFor(scores.Count);
            if (label < 0 || label >= classes)
            {
                throw new ArgumentOutOfRangeException(nameof(label), label, $"With {classes} scores, class labels must be {ClassRange(classes)}; found {label}.");
            }

            // M is built from ops (max(m, s) = m + relu(s − m)), not read from Data as a constant, so a compiled
            // tape recomputes it for every input. Its gradient cancels: ∂loss/∂M = 1 − Σⱼ softmaxⱼ = 0.
            var max = scores.Skip(1).Aggregate(scores[0], (m, s) => m + (s - m).Relu());
            var sum = scores.Select(s => (s - max).Exp()).Aggregate((a, b) => a + b);
            return sum.Log() + (max - scores[label]); // M − sᵧ first, so a large M is not added to the small logarithm and taken away again
        }
    }
}
