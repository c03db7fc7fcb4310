using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Micrograd.Functional.Bench.Charts;

/// <summary>
/// Draws the batch sweep from BenchmarkDotNet's CSV report of <c>BatchSweepBenchmarks</c>: time per sample
/// (the <c>ns/sample</c> column, log scale) against the batch size (the <c>Points</c> column, log scale), one
/// line per method (per method and job when the report holds several jobs), whatever methods it holds.
/// </summary>
public static class BatchSweepChart
{
    /// <summary>Reads <paramref name="csvPath"/> and writes the chart to <paramref name="pngPath"/> as an 800 × 500 PNG.</summary>
    /// <param name="csvPath">The report, e.g. <c>BenchmarkDotNet.Artifacts/results/…BatchSweepBenchmarks-report.csv</c>.</param>
    /// <param name="pngPath">The image to write; its folder must exist.</param>
    /// <exception cref="FileNotFoundException">The report does not exist.</exception>
    /// <exception cref="InvalidDataException">The report lacks the Method, Job, Points or ns/sample column, has no rows, or holds a value that is not a positive number.</exception>
    public static void Write(string csvPath, string pngPath)
    {
        var table = CsvTable.Read(csvPath);
        var (method, job, points, perSample) = (table.Column("Method"), table.Column("Job"), table.Column("Points"), table.Column("ns/sample"));
        if (table.Rows.Count == 0)
        {
            throw new InvalidDataException($"{csvPath}: no benchmark rows.");
        }

        var severalJobs = table.Rows.Select(r => r[job]).Distinct().Count() > 1;
        var series = table.Rows
            .Select((row, k) => (
                Name: severalJobs ? $"{row[method]} ({row[job]})" : row[method],
                X: Positive(table, k, points),
                Y: Positive(table, k, perSample)))
            .GroupBy(p => p.Name);

        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var index = 0;
        foreach (var line in series)
        {
            var sorted = line.OrderBy(p => p.X).ToArray();
            var scatter = plot.Add.Scatter(sorted.Select(p => Math.Log10(p.X)).ToArray(), sorted.Select(p => Math.Log10(p.Y)).ToArray(), palette.GetColor(index++));
            scatter.LineWidth = 2;
            scatter.MarkerSize = 7;
            scatter.LegendText = line.Key;
        }

        plot.Axes.Bottom.TickGenerator = PowersOfTen();
        plot.Axes.Left.TickGenerator = PowersOfTen();
        plot.Title("One full-batch step (MLP 2-16-16-1, hinge + L2): time per sample");
        plot.XLabel("batch size N (points)");
        plot.YLabel("median time per sample (ns)");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(pngPath, 800, 500);
    }

    /// <summary>Ticks at powers of ten on a log₁₀ axis, labelled with the numbers themselves, minor ticks between.</summary>
    private static NumericAutomatic PowersOfTen() => new()
    {
        MinorTickGenerator = new LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = exponent => Math.Pow(10, exponent).ToString("N0", CultureInfo.InvariantCulture),
    };

    /// <summary>Row <paramref name="row"/>'s value in <paramref name="column"/>, which must be a positive number (a log axis needs one).</summary>
    private static double Positive(CsvTable table, int row, int column)
    {
        var text = table.Rows[row][column];
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)
            ? value
            : throw new InvalidDataException($"{table.Path}, line {row + 2}, column \"{table.Header[column]}\": \"{text}\" is not a positive number.");
    }
}
