using BenchmarkDotNet.Running;

// Runs the benchmarks chosen on the command line, e.g. `-- --filter '*DemoStep*' --job short`.
// Exit codes: 0 when every chosen benchmark ran, 1 when one failed (a setup that finds the
// implementations disagree fails it), 2 when a --filter matched nothing (BenchmarkDotNet itself
// would report success for that).
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
