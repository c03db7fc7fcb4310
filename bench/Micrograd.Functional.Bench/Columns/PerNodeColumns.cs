using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Micrograd.Functional.Bench.Columns;

/// <summary>
/// Summary columns that divide a benchmark's cost by the size of its graph (or batch), read from an
/// integer benchmark parameter (e.g. <c>Nodes</c>, <c>Points</c>), so that results for graphs of
/// different sizes can be compared directly.
/// </summary>
public static class PerNodeColumns
{
    /// <summary>
    /// The three per-item columns for the parameter <paramref name="parameter"/>: time, time relative to the
    /// smallest size, allocation, named after <paramref name="unit"/> (<c>ns/node</c>, <c>ns/sample</c>).
    /// </summary>
    /// <param name="parameter">The name of the benchmark parameter holding the count.</param>
    /// <param name="unit">What is counted, singular: "node" or "sample".</param>
    public static IColumn[] For(string parameter, string unit = "node") =>
    [
        new PerNodeColumn(parameter, $"ns/{unit}", $"Median time per {unit}, in ns", (summary, c) => Median(summary, c) / Nodes(c, parameter)),
        new PerNodeColumn(parameter, $"ns/{unit} vs smallest", $"Time per {unit} relative to the same method at the smallest size (1.00 = flat)", (summary, c) =>
        {
            var smallest = summary.BenchmarksCases
                .Where(other => other.Descriptor == c.Descriptor && other.Job == c.Job)
                .MinBy(other => Nodes(other, parameter))!;
            return Median(summary, c) / Nodes(c, parameter) / (Median(summary, smallest) / Nodes(smallest, parameter));
        }),
        new PerNodeColumn(parameter, $"Alloc B/{unit}", $"Bytes allocated per operation per {unit} (MemoryDiagnoser)", (summary, c) =>
            summary[c]?.GcStats.GetBytesAllocatedPerOperation(c) is { } bytes ? bytes / Nodes(c, parameter) : double.NaN),
    ];

    private static double Median(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics?.Median ?? double.NaN;

    private static double Nodes(BenchmarkCase benchmarkCase, string parameter) =>
        Convert.ToDouble(benchmarkCase.Parameters[parameter], CultureInfo.InvariantCulture);

    /// <summary>One numeric column computed from the summary.</summary>
    private sealed class PerNodeColumn(string parameter, string name, string legend, Func<Summary, BenchmarkCase, double> value) : IColumn
    {
        public string Id => $"{nameof(PerNodeColumn)}.{parameter}.{name}";

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => legend;

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            value(summary, benchmarkCase) is var v && double.IsFinite(v) ? v.ToString("F2", style.CultureInfo) : "NA";
    }
}
