using System.Diagnostics.Contracts;

namespace Micrograd.Functional.Nn;

/// <summary>The class a model's outputs predict, and the accuracy of such predictions.</summary>
public static class Classification
{
    /// <summary>
    /// The predicted class. One output s (a binary model): 1 when s &gt; 0, else 0, micrograd's sign rule.
    /// k ≥ 2 outputs: argmaxⱼ sⱼ, the first index on a tie.
    /// </summary>
    /// <param name="outputs">The model's outputs, at least one.</param>
    /// <exception cref="ArgumentException">There are no outputs.</exception>
    [Pure]
    public static int Predict(ReadOnlySpan<double> outputs)
    {
        if (outputs.IsEmpty)
        {
            throw new ArgumentException("A prediction needs at least one output.", nameof(outputs));
        }

        if (outputs.Length == 1)
        {
            return outputs[0] > 0 ? 1 : 0;
        }

        var best = 0;
        for (var j = 1; j < outputs.Length; j++)
        {
            if (outputs[j] > outputs[best])
            {
                best = j;
            }
        }

        return best;
    }

    /// <summary>
    /// The fraction of samples whose predicted class is their label (0 for no samples): the accuracy to use for any
    /// number of classes, from <see cref="Predict"/>'s classes. <see cref="Training.Accuracy"/> applies it to a model on a
    /// dataset; <see cref="Loss.Accuracy"/> is a shorthand for binary scores.
    /// </summary>
    /// <param name="predicted">One predicted class per sample.</param>
    /// <param name="labels">One class label per sample.</param>
    /// <exception cref="ArgumentException">The counts differ.</exception>
    [Pure]
    public static double Accuracy(IReadOnlyList<int> predicted, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(labels);
        if (predicted.Count != labels.Count)
        {
            throw new ArgumentException($"There are {predicted.Count} predictions but {labels.Count} labels.", nameof(labels));
        }

        return predicted.Count == 0 ? 0.0 : predicted.Where((c, i) => c == labels[i]).Count() / (double)predicted.Count;
    }
}
