using Micrograd.Functional.Nn;

namespace Micrograd.Demo.Progress;

/// <summary>One line per step, exactly as micrograd's notebook prints it: <c>step 0 loss 0.8958441028683222, accuracy 50.0%</c>.</summary>
/// <param name="output">Where the lines go.</param>
public sealed class PlainProgress(TextWriter output) : IProgressView
{
    /// <inheritdoc/>
    public TrainingHistory Track(IEnumerable<TrainingStep> steps, int total)
    {
        var history = new TrainingHistory.Recorder();
        foreach (var step in steps)
        {
            output.WriteLine(Line(step));
            history.Add(step);
        }

        return history.ToHistory();
    }

    /// <summary>micrograd's <c>print(f"step {k} loss {total_loss.data}, accuracy {acc*100}%")</c>, with Python's float formatting.</summary>
    /// <param name="step">The step.</param>
    public static string Line(TrainingStep step) =>
        $"step {step.Step} loss {PythonFloat.Repr(step.Loss)}, accuracy {PythonFloat.Repr(step.Accuracy * 100)}%";
}
