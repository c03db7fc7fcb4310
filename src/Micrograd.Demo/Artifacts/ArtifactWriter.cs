using Micrograd.Functional.Files;
using LanguageExt;
using LanguageExt.Common;
using Micrograd.Demo.Settings;
using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;
using Micrograd.Functional.Onnx;
using static LanguageExt.Prelude;

namespace Micrograd.Demo.Artifacts;

/// <summary>Renders and writes the run's files, each atomically, into the output folder.</summary>
public static class ArtifactWriter
{
    /// <summary>The trained model's file name.</summary>
    public const string ModelName = "model.json";

    /// <summary>The trained model's ONNX file's name (with <c>--onnx</c>).</summary>
    public const string OnnxName = "model.onnx";

    /// <summary>The names of every file the demo may write into the output folder.</summary>
    public static readonly IReadOnlyCollection<string> Names = [DecisionBoundaryPlot.Name, TrainingPlot.Name, SummaryFile.Name, ModelName, OnnxName];

    /// <summary>
    /// Writes <c>decision-boundary.png</c> (only for two features), <c>training.png</c>, <c>summary.json</c> and
    /// <c>model.json</c> (and <c>model.onnx</c> with <c>--onnx</c>) into <paramref name="folder"/>, which must exist (the staging folder of <see cref="OutputFolder"/>).
    /// </summary>
    /// <param name="folder">The output folder.</param>
    /// <param name="settings">The run's settings.</param>
    /// <param name="data">The training data.</param>
    /// <param name="history">The finished run.</param>
    /// <param name="cancellation">Checked before each file: Ctrl+C stops the writing after the file being written.</param>
    /// <returns>The names of the files written, or an error naming the file that could not be written and why.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled (the caller deletes the staging folder).</exception>
    public static Fin<IReadOnlyList<string>> WriteAll(string folder, DemoSettings settings, Dataset data, TrainingHistory history, CancellationToken cancellation = default)
    {
        var model = history.Model;
        var what = $"{data.Name}, MLP {string.Join("-", model.Shape)}";
        var accuracy = history.AccuracyOn(data); // classifies every row: once, for the plot's title and the ONNX summary
        var files = new List<(string Name, Action<string> Write)>();
        if (data.FeatureCount == 2)
        {
            var title = FormattableString.Invariant($"{what}: accuracy {100 * accuracy:0.#}% after {history.StepCount} steps");
            files.Add((DecisionBoundaryPlot.Name, path => AtomicFile.Write(path, DecisionBoundaryPlot.Render(model, data, title))));
        }

        files.Add((TrainingPlot.Name, path => AtomicFile.Write(path, TrainingPlot.Render(history, $"{what}, {settings.Loss.Name} loss, {settings.Optimizer.Name}"))));
        files.Add((SummaryFile.Name, path => AtomicFile.Write(path, SummaryFile.ToJson(settings, data, history))));
        files.Add((ModelName, path => ModelFile.Save(model, path)));
        if (settings.Onnx)
        {
            var options = new OnnxExportOptions
            {
                SoftmaxOutput = model.Outputs > 1,
                TrainingSummary = FormattableString.Invariant($"{data.Name}, {settings.Loss.Name} loss, {settings.Optimizer.Name}, {history.StepCount} steps, accuracy {100 * accuracy:0.#}%"),
            };
            files.Add((OnnxName, path => OnnxExport.Save(model, path, options).IfFail(error => throw new IOException(error.Message))));
        }

        foreach (var (name, write) in files)
        {
            cancellation.ThrowIfCancellationRequested();
            var path = Path.Combine(folder, name);
            try
            {
                write(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return FinFail<IReadOnlyList<string>>(Error.New($"{name}: {e.Message}"));
            }
        }

        return FinSucc<IReadOnlyList<string>>([.. files.Select(f => f.Name)]);
    }
}
