using System.Globalization;
using Micrograd.Functional.Nn;
using Spectre.Console;

namespace Micrograd.Demo.Progress;

/// <summary>A live progress bar with the current step, loss and accuracy (Spectre.Console), for a terminal.</summary>
/// <param name="output">The terminal's writer.</param>
public sealed class LiveProgress(TextWriter output) : IProgressView
{
    /// <inheritdoc/>
    public TrainingHistory Track(IEnumerable<TrainingStep> steps, int total)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(Describe(null, total), maxValue: total);
                var history = new TrainingHistory.Recorder();
                foreach (var step in steps)
                {
                    history.Add(step);
                    task.Description = Describe(step, total);
                    task.Increment(1);
                }

                return history.ToHistory();
            });
    }

    private static string Describe(TrainingStep? step, int total) => step is null
        ? $"step 0/{total}"
        : string.Create(CultureInfo.InvariantCulture, $"step {step.Step + 1}/{total}  loss {step.Loss:F6}  accuracy {step.Accuracy * 100:F1}%");
}
