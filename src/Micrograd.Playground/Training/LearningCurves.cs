namespace Micrograd.Playground.Training;

/// <summary>
/// The loss and accuracy curves as the page's drawing function takes them: at most <see cref="MaxPoints"/> points a
/// series (every k-th step on long runs, so a redraw each step stays cheap), on one scale from 0 to <see cref="Top"/>.
/// </summary>
/// <param name="Loss">The loss of every k-th step.</param>
/// <param name="Accuracy">The accuracy (fraction) of the same steps.</param>
/// <param name="Points">How many points the whole run will have, for the x axis.</param>
/// <param name="Top">The y axis's top: the largest finite loss so far, at least 1 (accuracy's top).</param>
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
        double[] Every(IReadOnlyList<double> xs) => [.. xs.Where((_, i) => i % stride == 0)];
        var top = session.Losses.Where(double.IsFinite).DefaultIfEmpty(1).Max();
        return new(Every(session.Losses), Every(session.Accuracies), (session.Plan.Options.Steps + stride - 1) / stride, Math.Max(top, 1));
    }
}
