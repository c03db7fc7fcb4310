using System.Globalization;
using Micrograd.Demo.Settings;
using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

namespace Micrograd.Demo;

/// <summary>
/// An upper estimate of the memory a training run needs, computed from its shape before anything is built, so that
/// a run that cannot fit is refused in one line (<see cref="ExitCode.OutOfMemory"/>) instead of dying part way.
/// </summary>
/// <remarks>
/// What grows is the graph of one step's objective: one node per multiply, add and activation of every row it
/// covers, <see cref="GraphBytesPerParameterRow"/> bytes per parameter per row on the rebuilt graph (the graph
/// engine). The compiled engine traces one row per class into a small tape, about
/// <see cref="CompiledBytesPerParameterRow"/> bytes per parameter for each (the traced graph and the tape, alive
/// together while it is built), and maps it over the rows (<see cref="Micrograd.Functional.CompiledFunction.Vmap"/>),
/// which costs a few doubles per row. The constants are this demo's measured peak resident memory, rounded up
/// (2-core x64, .NET 10, MLP 2-16-16-1, 337 parameters); <c>MemoryBudgetTests</c> checks that a run estimated just
/// under a budget finishes under a GC heap limit of that size.
/// Which rows a step's graph covers: every row for the graph engine without minibatches, a minibatch's rows with
/// them; on the compiled engine, one traced row per class, whatever the number of rows.
/// </remarks>
/// <param name="Parameters">The model's number of parameters.</param>
/// <param name="StepRows">The rows one step's graph covers (see the remarks).</param>
/// <param name="DataBytes">The data's rows (and, on the compiled engine, a step's copy of them as doubles).</param>
/// <param name="ModelBytes">The model, its gradient and the optimizer's state.</param>
/// <param name="StepBytes">One step's graph (the compiled tape, or the graph rebuilt each step).</param>
public sealed record MemoryEstimate(double Parameters, long StepRows, double DataBytes, double ModelBytes, double StepBytes)
{
    /// <summary>What the runtime, the data generators and the plots take on the GC heap whatever the run: 32 MiB.</summary>
    /// <remarks>micrograd's default run trains in a 16 MiB heap; the rest of a process's memory (code, native plotting) is not on the GC heap.</remarks>
    public const double FixedBytes = 32 << 20;

    /// <summary>The model, its gradient and the optimizer's state, per parameter.</summary>
    public const double BytesPerParameter = 512;

    /// <summary>The loss, the sums and the row's own numbers in a step's graph, per row, whatever the model.</summary>
    public const double BytesPerStepRow = 4 << 10;

    /// <summary>The compiled engine's tape for one class (with the graph traced to build it), per parameter.</summary>
    public const double CompiledBytesPerParameterRow = 450;

    /// <summary>The graph rebuilt each step, per parameter per row.</summary>
    public const double GraphBytesPerParameterRow = 250;

    /// <summary>The whole estimate in bytes (a double: a wild command line can ask for more than <see cref="long.MaxValue"/>).</summary>
    public double Bytes => FixedBytes + DataBytes + ModelBytes + StepBytes;

    /// <summary>Estimates a run of <paramref name="settings"/> on <paramref name="data"/>.</summary>
    /// <param name="settings">The run's settings (model widths, loss, engine, batch size).</param>
    /// <param name="data">The loaded data.</param>
    public static MemoryEstimate Of(DemoSettings settings, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(data);
        double[] widths = [data.FeatureCount, .. settings.Hidden.Select(w => (double)w), settings.Loss.OutputsFor(data.Classes)];
        var parameters = widths.Zip(widths.Skip(1), (fanIn, fanOut) => (fanIn + 1) * fanOut).Sum();
        long stepRows = (settings.Engine, settings.BatchSize) switch
        {
            (TrainingEngine.Compiled, _) => settings.Loss.ClassesFor(settings.Loss.OutputsFor(data.Classes)), // one tape per class, mapped over the rows
            (_, { } size) => size,
            _ => data.Count,
        };
        var perParameterRow = settings.Engine == TrainingEngine.Graph ? GraphBytesPerParameterRow : CompiledBytesPerParameterRow;
        return new(
            parameters,
            stepRows,
            DataBytes: (double)data.Count * (data.FeatureCount * 8 + 128 + (settings.Engine == TrainingEngine.Compiled ? (data.FeatureCount + 2) * 8 : 0)), // + the compiled step's rows as doubles
            ModelBytes: parameters * BytesPerParameter,
            StepBytes: stepRows * (BytesPerStepRow + parameters * perParameterRow));
    }

    /// <summary>
    /// The one-line refusal when the estimate is over <paramref name="budget"/>, or null when it fits: what needs the
    /// memory, how much, the budget and where it comes from, and what to change (a choice that fits, when there is one).
    /// </summary>
    /// <param name="settings">The run's settings.</param>
    /// <param name="data">The loaded data.</param>
    /// <param name="budget">The run's budget.</param>
    public string? Refusal(DemoSettings settings, Dataset data, MemoryBudget budget)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(budget);
        if (Bytes <= budget.Bytes)
        {
            return null;
        }

        var over = $"more than the memory budget of {MemoryBudget.Format(budget.Bytes)} ({budget.Source})";
        var raise = $"raise the budget with --memory-budget or {MemoryBudget.Variable}";
        var model = string.Create(CultureInfo.InvariantCulture, $"a model of {Parameters:#,0} parameters");
        var batch = Math.Max(1, Math.Min(1000, data.Count / 2));
        var compiled = Of(settings with { Engine = TrainingEngine.Compiled, BatchSize = batch }, data);
        var graph = Of(settings with { Engine = TrainingEngine.Graph, BatchSize = batch }, data);
        var lean = Of(settings with { Engine = TrainingEngine.Graph, BatchSize = 1 }, data);
        if (Math.Min(Math.Min(compiled.Bytes, graph.Bytes), lean.Bytes) > budget.Bytes)
        {
            // Not even one row per step fits: say which part is too big.
            var smallest = new[] { compiled, graph, lean }.MinBy(e => e.Bytes)!;
            var fix = new[]
            {
                (smallest.DataBytes, string.Create(CultureInfo.InvariantCulture, $"the data ({data.Count:#,0} rows) does not fit; use a smaller data file or {raise}")),
                (smallest.ModelBytes + smallest.StepBytes, $"{model} does not fit even on minibatches; use smaller --hidden layers or {raise}"),
                (FixedBytes, $"the runtime and the plots alone need about {MemoryBudget.Format(FixedBytes)}; {raise}"),
            }.MaxBy(p => p.Item1).Item2;
            return $"this run needs about {MemoryBudget.Format(smallest.Bytes, budget.Bytes)} even at its leanest, {over}: {fix}";
        }

        var what = settings.Engine == TrainingEngine.Graph && StepRows > 1 && settings.BatchSize != 1
            ? string.Create(CultureInfo.InvariantCulture, $"{model} trained on {StepRows:#,0} rows per step")
            : model;
        var choice = settings.Engine == TrainingEngine.Graph && compiled.Bytes <= budget.Bytes // the compiled engine's need does not depend on the batch size
            ? "use the compiled engine (--engine compiled, the default: one small tape per class, mapped over the rows)"
            : graph.Bytes <= budget.Bytes
                ? string.Create(CultureInfo.InvariantCulture, $"train on minibatches with the graph engine (--engine graph --batch-size {batch})")
                : "train on minibatches of a few rows with the graph engine (--engine graph --batch-size 1)";
        return $"{what} needs about {MemoryBudget.Format(Bytes, budget.Bytes)}, {over}; {choice}, use smaller --hidden layers, or {raise}";
    }
}
