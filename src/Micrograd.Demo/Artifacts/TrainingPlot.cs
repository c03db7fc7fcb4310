using ScottPlot;

namespace Micrograd.Demo.Artifacts;

/// <summary><c>training.png</c>: the loss (left axis) and the accuracy (right axis, in %) at every step.</summary>
public static class TrainingPlot
{
    /// <summary>The file's name in the output folder.</summary>
    public const string Name = "training.png";

    /// <summary>Renders the plot as PNG bytes.</summary>
    /// <param name="history">The finished run.</param>
    /// <param name="title">The plot's title.</param>
    /// <param name="width">The image width in pixels.</param>
    /// <param name="height">The image height in pixels.</param>
    public static byte[] Render(TrainingHistory history, string title, int width = 800, int height = 450)
    {
        var steps = history.PointSteps.Select(k => (double)k).ToArray();
        var plot = new Plot();

        var loss = plot.Add.ScatterLine(steps, history.Losses.ToArray(), PlotStyle.LossLine);
        loss.LineWidth = 2;
        loss.LegendText = "loss (left)";

        var accuracy = plot.Add.ScatterLine(steps, history.Accuracies.Select(a => a * 100).ToArray(), PlotStyle.AccuracyLine);
        accuracy.LineWidth = 2;
        accuracy.Axes.YAxis = plot.Axes.Right;
        accuracy.LegendText = "accuracy (right)";

        PlotStyle.Apply(plot, title, xLabel: "step", yLabel: "loss");
        plot.Axes.Right.Label.Text = "accuracy (%)";
        plot.Axes.Right.Label.FontSize = PlotStyle.LabelSize;
        plot.Axes.Left.Label.ForeColor = PlotStyle.LossLine;
        plot.Axes.Right.Label.ForeColor = PlotStyle.AccuracyLine;
        plot.Axes.SetLimitsY(0, Math.Max(history.Losses.Max(), 1e-9) * 1.05, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, 102, plot.Axes.Right);
        plot.Axes.SetLimitsX(0, Math.Max(1, steps[^1]));
        plot.Legend.Alignment = Alignment.MiddleRight;
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
