using System.Text.Json;
using Micrograd.Demo.Settings;
using Micrograd.Functional.Data;

namespace Micrograd.Demo.Artifacts;

/// <summary>
/// <c>summary.json</c>: the run's settings and results in camelCase JSON, with one <c>loss</c> and one
/// <c>accuracy</c> entry per step. Numbers are written in their shortest round-trip form.
/// </summary>
public static class SummaryFile
{
    /// <summary>The file's name in the output folder.</summary>
    public const string Name = "summary.json";

    /// <summary>The summary as UTF-8 JSON.</summary>
    /// <param name="settings">The run's settings.</param>
    /// <param name="data">The training data.</param>
    /// <param name="history">The finished run.</param>
    public static byte[] ToJson(DemoSettings settings, Dataset data, TrainingHistory history)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            var model = history.Model;
            json.WriteStartObject();
            json.WriteNumber("steps", history.StepCount);
            json.WriteNumber("finalLoss", history.FinalLoss);
            json.WriteNumber("finalAccuracy", history.FinalAccuracy);
            json.WriteNumber("trainedAccuracy", history.AccuracyOn(data));
            json.WriteNumber("seconds", Math.Round(history.Elapsed.TotalSeconds, 3));
            json.WriteString("dataset", data.Name);
            json.WriteNumber("samples", data.Count);
            json.WriteNumber("classes", data.Classes);
            json.WriteNumber("seed", settings.Seed);
            json.WriteStartArray("shape");
            foreach (var width in model.Shape)
            {
                json.WriteNumberValue(width);
            }

            json.WriteEndArray();
            json.WriteString("activation", settings.Activation.ToString().ToLowerInvariant());
            json.WriteNumber("parameters", model.Parameters.Length);
            json.WriteString("lossFunction", settings.Loss.Name);
            json.WriteNumber("l2", DemoSettings.L2);
            json.WriteString("optimizer", settings.Optimizer.Name);
            json.WriteString("engine", settings.Engine.ToString().ToLowerInvariant());
            json.WriteStartObject("learningRate");
            json.WriteString("schedule", "linear");
            json.WriteNumber("start", settings.InitialRate);
            json.WriteNumber("end", settings.InitialRate / 10);
            json.WriteEndObject();
            if (settings.BatchSize is { } batch)
            {
                json.WriteNumber("batchSize", batch);
            }
            else
            {
                json.WriteNull("batchSize");
            }

            json.WriteNumber("stride", history.Stride); // each entry below averages this many steps (1: every step)
            WriteArray(json, "loss", history.Losses);
            WriteArray(json, "accuracy", history.Accuracies);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }
}
