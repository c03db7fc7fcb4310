using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

namespace Micrograd.Playground.Training;

/// <summary>The rectangle of the plane a heat map covers.</summary>
/// <param name="XMin">Left edge.</param>
/// <param name="XMax">Right edge.</param>
/// <param name="YMin">Bottom edge.</param>
/// <param name="YMax">Top edge.</param>
public readonly record struct PlotBounds(double XMin, double XMax, double YMin, double YMax)
{
    /// <summary>micrograd's mesh: the data's range widened by 1 on every side (<c>x_min = X[:, 0].min() - 1</c>, …).</summary>
    /// <param name="data">Points in the plane.</param>
    public static PlotBounds Around(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var xs = data.Features.Select(f => f[0]).ToArray();
        var ys = data.Features.Select(f => f[1]).ToArray();
        return new(xs.Min() - 1, xs.Max() + 1, ys.Min() - 1, ys.Max() + 1);
    }

    /// <summary>As the page's drawing function takes it: [xmin, xmax, ymin, ymax].</summary>
    public double[] ToArray() => [XMin, XMax, YMin, YMax];
}

/// <summary>
/// The decision boundary as a grid of classes: the class a model predicts (<see cref="Mlp.Classify"/>, plain doubles,
/// no graph) at the centre of each cell, row 0 at the bottom. For a binary model that is micrograd's <c>Z = scores &gt; 0</c>.
/// </summary>
public sealed class DecisionGrid
{
    /// <summary>Cells per axis by default: 40 × 40 = 1,600 evaluations, cheap enough to redraw while training.</summary>
    public const int DefaultCells = 40;

    /// <summary>The fewest cells per axis <see cref="CellsFor"/> gives, so that the picture still shows a boundary.</summary>
    public const int MinCells = 8;

    /// <summary>
    /// The most cells × parameters (about the multiply-adds) a redraw may cost: 640,000, which covers micrograd's demo
    /// (337 parameters) at 40 × 40. Measured in headless Chromium on the shared 2-core machine, a redraw at the budget
    /// (evaluation and canvas) took 34–52 ms, a linear model's 40 × 40 about 3 ms; before this budget, 40 × 40 cells
    /// of a 12,737-parameter model (20 million multiply-adds) after its first step (0.25 s) made a 1.3–1.5 s stretch
    /// without a frame.
    /// </summary>
    public const int Budget = 640_000;

    /// <summary>
    /// Cells per axis for a model of <paramref name="parameters"/>: the most n ≤ <see cref="DefaultCells"/> with
    /// n² · parameters ≤ <see cref="Budget"/>, but at least <see cref="MinCells"/>.
    /// </summary>
    /// <param name="parameters">The model's parameter count, ≥ 1.</param>
    public static int CellsFor(int parameters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters, 1);
        var n = DefaultCells;
        while (n > MinCells && (long)n * n * parameters > Budget)
        {
            n--;
        }

        return n;
    }

    private DecisionGrid(int columns, int rows, int[] classes, PlotBounds bounds)
    {
        Columns = columns;
        Rows = rows;
        Classes = classes;
        Bounds = bounds;
    }

    /// <summary>Cells across.</summary>
    public int Columns { get; }

    /// <summary>Cells up.</summary>
    public int Rows { get; }

    /// <summary>The class of cell (row r, column c) at index r·<see cref="Columns"/> + c; row 0 is the bottom.</summary>
    public IReadOnlyList<int> Classes { get; }

    /// <summary>The area covered.</summary>
    public PlotBounds Bounds { get; }

    /// <summary>Evaluates <paramref name="model"/> at the centre of each cell of <paramref name="bounds"/>.</summary>
    /// <param name="model">A model with 2 inputs.</param>
    /// <param name="bounds">The area.</param>
    /// <param name="cells">Cells per axis, 1 to 400.</param>
    public static DecisionGrid Of(Mlp model, PlotBounds bounds, int cells = DefaultCells)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(cells, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cells, 400);
        var (dx, dy) = ((bounds.XMax - bounds.XMin) / cells, (bounds.YMax - bounds.YMin) / cells);
        var classes = new int[cells * cells];
        Span<double> point = stackalloc double[2];
        for (var r = 0; r < cells; r++)
        {
            point[1] = bounds.YMin + (r + 0.5) * dy;
            for (var c = 0; c < cells; c++)
            {
                point[0] = bounds.XMin + (c + 0.5) * dx;
                classes[r * cells + c] = model.Classify(point);
            }
        }

        return new DecisionGrid(cells, cells, classes, bounds);
    }

    /// <summary>The data as the page's drawing function takes it: x, y, label for each point in turn.</summary>
    /// <param name="data">Points in the plane.</param>
    public static double[] Points(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return [.. data.Features.SelectMany((f, i) => new[] { f[0], f[1], data.Labels[i] })];
    }
}
