namespace Micrograd.Playground.Training;

/// <summary>
/// The loss and accuracy curves as the page's drawing function takes them: at most <see cref="MaxPoints"/> points a
/// series (every k-th step on long runs, so a redraw each step stays cheap), each on a scale from 0 to 1 so that both
/// fill the canvas: the accuracy as a fraction, the loss divided by <see cref="Top"/>.
/// </summary>
/// <param name="Loss">The loss of every k-th step divided by <see cref="Top"/>.</param>
/// <param name="Accuracy">The accuracy (fraction) of the same steps.</param>
/// <param name="Points">How many points the whole run will have, for the x axis.</param>
/// <param name="Top">The loss axis's top: the largest finite loss so far (1 before the first step).</param>
public sealed record LearningCurves(double[] Loss, double[] Accuracy, int Points, double Top)
{
    /// <summary>The most points a series has.</summary>
    public const int MaxPoints = 500;

    /// <summary>The curves of <paramref name="session"/> so far.</summary>
    /// <param name="session">The run.</param>
    public static LearningCurves Of(TrainingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var stride = (session.Plan.Options.Steps + MaxPoints - 1) / MaxPoints;
        double[] Every(IReadOnlyList<double> xs, double scale)
        {
            var points = new double[(xs.Count + stride - 1) / stride]; // every stride-th step, visited directly
            for (var i = 0; i < points.Length; i++)
            {
                points[i] = xs[i * stride] / scale;
            }

            return points;
        }

        var top = session.Losses.Where(x => double.IsFinite(x) && x > 0).DefaultIfEmpty(1).Max();
        return new(Every(session.Losses, top), Every(session.Accuracies, 1), (session.Plan.Options.Steps + stride - 1) / stride, top);
    }
}
