using System.Collections.Immutable;
using Micrograd.Functional.Data;

namespace Micrograd.Functional.Nn;

/// <content>The compiled engine's step: one per-sample tape mapped over the batch (<see cref="CompiledFunction.Vmap"/>).</content>
public static partial class Training
{
    /// <summary>
    /// The compiled engine: each sample's loss compiled once (inputs: the parameters, then the features, then, for a loss
    /// that allows it, the label as a number, else one tape per class), mapped over the batch, plus micrograd's L2
    /// penalty. For hinge and squared error (one tape for every label) the loss and gradient are the graph engine's bits:
    /// the loss is summed in micrograd's order, each sample's backward pass starts from 1/n as it does in the whole graph,
    /// and the gradients add up as reverse mode adds them there, the penalty first, then the samples last to first. With
    /// one tape per class (cross-entropy, softmax) the samples are summed class by class: equal up to rounding.
    /// </summary>
    private static Step Batched(Mlp shape, TrainingOptions options)
    {
        var count = shape.Parameters.Length;
        var width = shape.Inputs;
        var lifted = options.Loss is BinaryLoss binary ? binary.LabelAsInput : null;
        var outputs = shape.Outputs;

        // The model's scores are probes of the tape, so the accuracy comes from the same forward pass.
        BatchedFunction[] tapes = lifted is var (_, formula)
            ? [Compiler.CompileWithProbes(x => Scored(shape, x, count, x[count..^1], scores => formula(scores[0], x[^1])), count + width + 1).Vmap(count)]
            : [.. Enumerable.Range(0, options.Loss.ClassesFor(outputs)).Select(label => Compiler.CompileWithProbes(
                x => Scored(shape, x, count, x[count..], scores => options.Loss.Of(scores, label)), count + width).Vmap(count))];
        var penalty = new double[count];
        var gradient = new double[count];
        (Dataset Batch, double[] Rows, double[] Losses, double[] Scores, int[] Predicted)? last = null; // a step's buffers, kept while the batch is the same
        var alpha = options.L2;
        return (model, batch) =>
        {
            CheckClasses(model, batch, options.Loss, nameof(batch)); // each batch as it comes
            var parameters = model.ParameterValues().AsSpan();

            // micrograd's penalty α·Σp², and its gradient as reverse mode leaves it before it reaches the samples:
            // (0 + p·α) + p·α, from the two operands of p·p.
            var squares = 0.0;
            for (var j = 0; j < count; j++)
            {
                squares = j == 0 ? parameters[0] * parameters[0] + 0.0 : squares + parameters[j] * parameters[j];
                penalty[j] = 0.0 + parameters[j] * alpha + parameters[j] * alpha;
            }

            var cotangent = 1.0 / batch.Count;
            if (lifted is var (encode, _))
            {
                if (last is not { } kept || !ReferenceEquals(kept.Batch, batch))
                {
                    kept = (batch, Rows(batch, width + 1, (row, i) => row[width] = encode(batch.Labels[i])), new double[batch.Count], new double[batch.Count * outputs], new int[batch.Count]);
                    last = kept;
                }

                tapes[0].ValueAndGradWithProbes(parameters, kept.Rows, cotangent, penalty, kept.Losses, gradient, kept.Scores);
                return Finish(kept.Losses, kept.Scores, kept.Predicted);
            }
            // One tape per class: each class's samples in turn, onto the gradient so far.
            var losses = new double[batch.Count];
            var scores = new double[batch.Count * outputs];
            penalty.CopyTo(gradient, 0);
            for (var label = 0; label < tapes.Length; label++)
            {
                var members = Enumerable.Range(0, batch.Count).Where(i => batch.Labels[i] == label).ToArray();
                var classLosses = new double[members.Length];
                var classScores = new double[members.Length * outputs];
                var soFar = (double[])gradient.Clone();
                tapes[label].ValueAndGradWithProbes(parameters, Rows(batch, width, null, members), cotangent, soFar, classLosses, gradient, classScores);
                for (var k = 0; k < members.Length; k++)
                {
                    losses[members[k]] = classLosses[k];
                    classScores.AsSpan(k * outputs, outputs).CopyTo(scores.AsSpan(members[k] * outputs, outputs));
                }
            }

            return Finish(losses, scores, new int[batch.Count]);

            (double, double, ImmutableArray<double>) Finish(double[] losses, double[] scores, int[] predicted)
            {
                // Python's sum: (0 + l₀) + l₁ + …, then · (1/n); the penalty α·Σp² added last.
                var sum = losses[0] + 0.0;
                for (var i = 1; i < losses.Length; i++)
                {
                    sum += losses[i];
                }

                for (var i = 0; i < predicted.Length; i++)
                {
                    predicted[i] = Classification.Predict(scores.AsSpan(i * outputs, outputs));
                }

                return (sum * (1.0 / batch.Count) + alpha * squares, Classification.Accuracy(predicted, batch.Labels), [.. gradient]);
            }
        };
    }

    /// <summary>The per-sample loss of the model with parameters x[..count] on <paramref name="features"/>, with its scores as probes.</summary>
    private static (Value, IReadOnlyList<Value>) Scored(Mlp shape, Value[] x, int count, Value[] features, Func<IReadOnlyList<Value>, Value> loss)
    {
        var scores = shape.WithParameterNodes(x[..count]).Forward(features);
        return (loss(scores), scores);
    }

    /// <summary>The batch's features as rows of <paramref name="stride"/> values, for the samples listed (all by default), each completed by <paramref name="complete"/>.</summary>
    private static double[] Rows(Dataset batch, int stride, Action<Span<double>, int>? complete, int[]? members = null)
    {
        var count = members?.Length ?? batch.Count;
        var rows = new double[count * stride];
        for (var k = 0; k < count; k++)
        {
            var i = members?[k] ?? k;
            var row = rows.AsSpan(k * stride, stride);
            batch.Features[i].AsSpan().CopyTo(row);
            complete?.Invoke(row, i);
        }

        return rows;
    }
}
