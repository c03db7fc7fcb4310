using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using LanguageExt;
using LanguageExt.Common;
using Micrograd.Demo.Artifacts;
using Micrograd.Demo.Progress;
using Micrograd.Demo.Settings;
using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

namespace Micrograd.Demo;

/// <summary>The root command's action: load the data, train with live progress, write the four output files.</summary>
public static class TrainCommand
{
    /// <summary>Runs one training and replaces the output folder's set of files with the new one (<see cref="OutputFolder"/>).</summary>
    /// <param name="settings">The checked command-line settings.</param>
    /// <param name="context">Output writers, run mode and cancellation.</param>
    /// <returns>
    /// An <see cref="ExitCode"/>: 2 when the data cannot be read or <c>--out</c> cannot take the set, 1 when training
    /// diverges or a file cannot be written (the old set is then left as it was), 3 when the run would need more memory
    /// than its budget or runs out of memory (nothing written), 130 when cancelled.
    /// </returns>
    public static int Execute(DemoSettings settings, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        var phase = new StrongBox<Phase>(Phase.Loading);
        try
        {
            return Train(settings, context, phase);
        }
        catch (Exception e) when (IsOutOfMemory(e))
        {
            // Everything the run allocated is unreachable by now, and the staging folder is deleted (OutputFolder).
            var available = MemoryBudget.Format(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
            return context.Fail(ExitCode.OutOfMemory, phase.Value switch
            {
                Phase.Loading => $"out of memory while reading the data ({available} available to this process): the data itself does not fit; no files were written. Use a smaller data file, or a process with more memory",
                Phase.Writing => $"out of memory while drawing and writing the files ({available} available to this process); no files were written (the old ones are as they were)",
                _ => $"out of memory while training ({available} available to this process); no files were written. " +
                    $"Train on minibatches (--batch-size), use smaller --hidden layers, or set --memory-budget (or {MemoryBudget.Variable}) to what the process may really use, so such a run is refused before it starts",
            });
        }
    }

    /// <summary>What a run is doing, so that running out of memory is reported with advice that fits.</summary>
    private enum Phase
    {
        Loading,
        Training,
        Writing,
    }

    /// <summary>An <see cref="OutOfMemoryException"/>, or one wrapped by a task or a parallel loop.</summary>
    /// <param name="e">The exception.</param>
    public static bool IsOutOfMemory(Exception e) => e switch
    {
        OutOfMemoryException => true,
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.All(IsOutOfMemory),
        _ => false,
    };

    private static int Train(DemoSettings settings, CliContext context, StrongBox<Phase> phase)
    {
        var clock = Stopwatch.StartNew();
        var resolved = MemoryBudget.ForThisProcess(settings.MemoryBudget);
        if (resolved.Case is Error badBudget)
        {
            return context.Fail(ExitCode.Usage, badBudget.Message);
        }

        Fin<Dataset> loaded;
        try
        {
            // Read on a pool thread so that Ctrl+C is honoured even while a read blocks (a FIFO without a writer);
            // the abandoned read cannot keep the process alive.
            loaded = Task.Run(() => settings.Dataset.Load(settings.Seed)).WaitAsync(context.Cancellation).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            return context.Fail(ExitCode.Cancelled, "cancelled; no files were written");
        }

        if (loaded.Case is Error error)
        {
            return context.Fail(ExitCode.Usage, error.Message);
        }

        var data = (Dataset)loaded;
        if (settings.BatchSize > data.Count)
        {
            return context.Fail(ExitCode.Usage, $"--batch-size must be at most the number of rows of '{data.Name}' ({data.Count}), not {settings.BatchSize}");
        }

        // Before the model and the objective are built: a run that cannot fit is refused in one line, not killed part way.
        if (MemoryEstimate.Of(settings, data).Refusal(settings, data, (MemoryBudget)resolved) is { } refusal)
        {
            return context.Fail(ExitCode.OutOfMemory, refusal);
        }

        var folder = settings.Out ?? DefaultFolder(data);
        var prepared = OutputFolder.Prepare(folder, ArtifactWriter.Names);
        if (prepared.Case is Error refused)
        {
            return context.Fail(refused.Code == ExitCode.Usage ? ExitCode.Usage : ExitCode.Failure, refused.Message);
        }

        using var output = (OutputFolder)prepared;
        // One output for a binary loss, one score per class for softmax (the options' validator keeps binary losses to 2 classes).
        var model = Mlp.Create(data.FeatureCount, [.. settings.Hidden, settings.Loss.OutputsFor(data.Classes)], settings.Seed, settings.Activation, Activation.Linear);
        var options = TrainingOptionsFor(settings, data);
        var warmup = PlotWarmup.Start(data);
        phase.Value = Phase.Training;
        IProgressView progress = context.Interactive ? new LiveProgress(context.Out) : new PlainProgress(context.Out);
        TrainingHistory history;
        try
        {
            // On a pool thread, so that Ctrl+C is honoured at once even while the first step compiles a large objective
            // (Train checks the token only between steps); the abandoned work cannot keep the process alive.
            history = Task.Run(() => progress.Track(model.Train(data, options, context.Cancellation), settings.Steps))
                .WaitAsync(context.Cancellation).GetAwaiter().GetResult();
        }
        catch (TrainingDivergedException e)
        {
            // The loss itself, or the update after a finite loss (then a parameter is named), went out of the finite numbers.
            var what = e.NonFiniteParameter.Match(
                Some: p => string.Create(CultureInfo.InvariantCulture, $"parameter {p} is {e.NonFiniteValue.IfNone(double.NaN)} after the update"),
                None: () => string.Create(CultureInfo.InvariantCulture, $"the loss is {e.Loss}"));
            return context.Fail(ExitCode.Failure, string.Create(CultureInfo.InvariantCulture,
                $"training diverged at step {e.Step}: {what}; try a smaller --lr (this run started at {settings.InitialRate})"));
        }
        catch (OperationCanceledException)
        {
            if (context.Interactive)
            {
                // The live progress was left running on the abandoned thread: show the cursor it hid, and end its line.
                context.Out.Write("\u001b[?25h\n");
            }

            return context.Fail(ExitCode.Cancelled, "cancelled; no files were written");
        }

        phase.Value = Phase.Writing;
        warmup.Wait();
        Fin<IReadOnlyList<string>> written;
        try
        {
            written = output.Replace(staging => ArtifactWriter.WriteAll(staging, settings, data, history, context.Cancellation));
        }
        catch (OperationCanceledException)
        {
            return context.Fail(ExitCode.Cancelled, "cancelled while writing the files; none were written (the old ones are as they were)");
        }

        return written.Match(
            Succ: files =>
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {string.Join(", ", files)} to {folder} in {clock.Elapsed.TotalSeconds:F2} s (training {history.Elapsed.TotalSeconds:F2} s)"));
                return ExitCode.Success;
            },
            Fail: error => context.Fail(ExitCode.Failure, error.Message));
    }

    /// <summary>
    /// <c>artifacts/NAME</c>, NAME being the data's name made safe as one folder name: characters other than letters,
    /// digits, '-', '_' and '.' become '_', leading dots go (so never <c>.</c> or <c>..</c>, as for <c>csv:..csv</c>),
    /// and an empty name becomes <c>csv</c> (only a CSV file's name can be empty).
    /// </summary>
    /// <param name="data">The training data.</param>
    public static string DefaultFolder(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var safe = new string([.. data.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]).TrimStart('.');
        return Path.Combine("artifacts", safe.Length == 0 ? "csv" : safe);
    }

    /// <summary>micrograd's training (hinge + 1e-4 L2, full batch) with the settings' loss, optimizer, steps and batches.</summary>
    private static TrainingOptions TrainingOptionsFor(DemoSettings settings, Dataset data)
    {
        var options = new TrainingOptions { Loss = settings.Loss, Optimizer = settings.CreateOptimizer(), Steps = settings.Steps, L2 = DemoSettings.L2, Engine = settings.Engine };
        if (settings.BatchSize is not { } size)
        {
            return options;
        }

        // micrograd's demo: ri = np.random.permutation(n)[:batch_size], one permutation per step, from one generator.
        var random = new NumpyRandomState((uint)settings.Seed);
        return options with { Batch = _ => Minibatches.Random(data, size, random) };
    }
}
