using BenchmarkDotNet.Running;
using Micrograd.Functional.Bench.Charts;

// Runs the benchmarks chosen on the command line, e.g. `-- --filter '*DemoStep*' --job short`.
// Exit codes: 0 when every chosen benchmark ran, 1 when one failed (a setup that finds the
// implementations disagree fails it), 2 when a --filter matched nothing (BenchmarkDotNet itself
// would report success for that).
// `-- --chart <report.csv> <out.png>` instead draws the batch sweep from BatchSweepBenchmarks'
// CSV report (exit code 1, with the reason, on a file it cannot read).
if (args.Length > 0 && args[0] == "--chart")
{
    if (args.Length != 3)
    {
        Console.Error.WriteLine("Usage: --chart <BatchSweepBenchmarks-report.csv> <out.png>");
        return 1;
    }

    try
    {
        BatchSweepChart.Write(args[1], args[2]);
        Console.WriteLine($"Wrote {args[2]}");
        return 0;
    }
    catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"--chart: {e.Message}");
        return 1;
    }
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToArray();

if (summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)))
{
    return 1;
}

var filtered = args.Any(a => a is "--filter" or "-f") && !args.Contains("--list");
if (filtered && summaries.Sum(s => s.BenchmarksCases.Length) == 0)
{
    Console.Error.WriteLine("No benchmark matched the filter.");
    return 2;
}

return 0;
