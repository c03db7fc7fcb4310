using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;
using ScottPlot;

namespace Micrograd.Demo.Artifacts;

/// <summary>
/// <c>decision-boundary.png</c>, micrograd's moon_mlp.png: the plane coloured by the class the model predicts
/// (score &gt; 0 is class 1 for one output; the largest output for several), with the data points on top, coloured by their class.
/// </summary>
public static class DecisionBoundaryPlot
{
    /// <summary>The file's name in the output folder.</summary>
    public const string Name = "decision-boundary.png";

    /// <summary>Renders the plot of <paramref name="model"/> as PNG bytes. Only for data with exactly two features.</summary>
    /// <param name="model">The trained model, evaluated on plain doubles (no graph).</param>
    /// <param name="data">The data to draw on top.</param>
    /// <param name="title">The plot's title.</param>
    /// <exception cref="ArgumentException">The data does not have two features.</exception>
    public static byte[] Render(Mlp model, Dataset data, string title) =>
        Render(DecisionMesh.Evaluate(model, PlotArea.Around(data)), data, title);

    /// <summary>Renders an already evaluated mesh and the data as PNG bytes.</summary>
    /// <param name="mesh">The predicted classes over the plane.</param>
    /// <param name="data">The data to draw on top; it must have two features. Its class count picks the colours.</param>
    /// <param name="title">The plot's title.</param>
    /// <param name="width">The image width in pixels.</param>
    /// <param name="height">The image height in pixels.</param>
    public static byte[] Render(DecisionMesh mesh, Dataset data, string title, int width = 720, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(data);
        var plot = new Plot();
        var area = mesh.Area;
        var k = data.Classes;
        var regions = plot.Add.Heatmap(mesh.Classes);
        regions.Extent = new CoordinateRect(area.XMin, area.XMax, area.YMin, area.YMax);
        regions.Colormap = new ScottPlot.Colormaps.Custom([.. Enumerable.Range(0, k).Select(PlotStyle.Region)]);
        regions.ManualRange = new ScottPlot.Range(0, k - 1); // class c is colour c even when the mesh lacks some class
        regions.Smooth = k == 2; // smoothing blends neighbouring values: between classes 0 and 2 it would paint class 1

        for (var label = 0; label < k; label++)
        {
            var rows = Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == label).ToArray();
            var points = plot.Add.ScatterPoints(
                rows.Select(i => data.Features[i][0]).ToArray(),
                rows.Select(i => data.Features[i][1]).ToArray(),
                PlotStyle.Class(label));
            points.MarkerSize = 9;
            points.MarkerStyle.OutlineColor = Colors.Black;
            points.MarkerStyle.OutlineWidth = 1;
            points.LegendText = $"class {label} ({rows.Length} points)";
        }

        PlotStyle.Apply(plot, title, xLabel: "x₁", yLabel: "x₂");
        plot.Axes.SetLimits(area.XMin, area.XMax, area.YMin, area.YMax);
        plot.Legend.Alignment = Alignment.UpperRight;
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
