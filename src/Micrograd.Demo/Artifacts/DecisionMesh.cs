using Micrograd.Functional.Nn;

namespace Micrograd.Demo.Artifacts;

/// <summary>
/// The class a model predicts (<see cref="Mlp.Classify"/>: for one output 1 where its score is &gt; 0, else 0, as
/// micrograd's <c>np.meshgrid</c> + <c>Z = scores &gt; 0</c>; for k outputs the argmax) at the centre of each cell of
/// a grid over an area of the plane. Row 0 is the top (y = YMax).
/// </summary>
/// <param name="Classes">The predicted class per cell, [row, column].</param>
/// <param name="Area">The area the grid covers.</param>
public sealed record DecisionMesh(double[,] Classes, PlotArea Area)
{
    /// <summary>Cells per axis: at the plot's size a cell is about 4 pixels, and smoothing hides the steps.</summary>
    public const int Cells = 160;

    /// <summary>A one-cell mesh of class 0: something cheap to draw (for the warm-up).</summary>
    /// <param name="area">The area.</param>
    public static DecisionMesh Blank(PlotArea area) => new(new double[1, 1], area);

    /// <summary>Evaluates <paramref name="model"/> (plain doubles, no graph) at every cell centre of <paramref name="area"/>.</summary>
    /// <param name="model">A model with two inputs.</param>
    /// <param name="area">The area.</param>
    /// <param name="cells">Cells per axis.</param>
    public static DecisionMesh Evaluate(Mlp model, PlotArea area, int cells = Cells)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(area);
        var classes = new double[cells, cells];
        var (dx, dy) = ((area.XMax - area.XMin) / cells, (area.YMax - area.YMin) / cells);
        // Rows are independent and Evaluate is pure, so rows run in parallel.
        Parallel.For(0, cells, row =>
        {
            Span<double> point = [0, area.YMax - (row + 0.5) * dy];
            for (var column = 0; column < cells; column++)
            {
                point[0] = area.XMin + (column + 0.5) * dx;
                classes[row, column] = model.Classify(point);
            }
        });

        return new DecisionMesh(classes, area);
    }
}
