using System.Collections.Immutable;
using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;
using Micrograd.Playground.Training;

namespace Micrograd.Playground.Tests.Training;

public class DecisionGridTests
{
    /// <summary>A one-neuron linear model s = a·x + b·y + c (parameters: weights, then bias).</summary>
    private static Mlp Linear(double a, double b, double c) => Mlp.Create(2, [1], seed: 1).WithParameters(ImmutableArray.Create(a, b, c));

    [Fact]
    public void Cells_right_of_the_line_s_equals_x_are_class_1_and_left_of_it_class_0()
    {
        var grid = DecisionGrid.Of(Linear(1, 0, 0), new PlotBounds(-1, 1, -1, 1), cells: 4);

        Assert.Equal(4, grid.Columns);
        Assert.Equal(4, grid.Rows);
        Assert.Equal([0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1], grid.Classes);
    }

    [Fact]
    public void Row_0_is_the_bottom_of_the_area()
    {
        // s = y − 0.5 over y in [0, 2): rows 0 and 1 (y = 0.25, 0.75) are above 0.5 only from row 1 on.
        var grid = DecisionGrid.Of(Linear(0, 1, -0.5), new PlotBounds(0, 2, 0, 2), cells: 4);
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], grid.Classes);
    }

    [Fact]
    public void The_area_is_micrograds_mesh_the_data_range_widened_by_1()
    {
        var data = new Dataset([[0.5, -2.0], [3.0, 1.0], [-1.0, 0.0]], [0, 1, 0], "three");
        Assert.Equal(new PlotBounds(-2, 4, -3, 2), PlotBounds.Around(data));
        Assert.Equal([0.5, -2.0, 0, 3.0, 1.0, 1, -1.0, 0.0, 0], DecisionGrid.Points(data));
    }

    [Fact]
    public void A_grid_of_more_than_400_cells_a_side_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DecisionGrid.Of(Linear(1, 0, 0), new PlotBounds(0, 1, 0, 1), cells: 401));
    }

    [Theory]
    [InlineData(337, 40)]   // micrograd's demo, MLP(2, [16, 16, 1]): 40² · 337 = 539,200 ≤ 640,000
    [InlineData(400, 40)]   // 40² · 400 = 640,000 exactly
    [InlineData(401, 39)]   // 40² · 401 > 640,000 ≥ 39² · 401 = 609,921
    [InlineData(4417, 12)]  // MLP(2, [64, 64, 1]): 12² · 4417 = 636,048; 13² · 4417 = 746,473
    [InlineData(12737, 8)]  // 7² · 12737 = 624,113, but never fewer than 8 cells a side
    [InlineData(3, 40)]     // a linear model: never more than 40
    public void A_bigger_model_gets_fewer_cells_so_a_redraw_stays_within_the_budget(int parameters, int cells)
    {
        Assert.Equal(cells, DecisionGrid.CellsFor(parameters));
    }
}
