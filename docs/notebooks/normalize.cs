// Normalises an executed notebook before it is committed, so that re-running a notebook that did
// not change gives no diff: drops dotnet-repl's per-cell timestamps, the package-restore progress
// frames (their number depends on timing), extension-loading notices (they name a local path) and
// empty streams; writes base64 images as one string, as Jupyter does. dotnet-repl writes nbformat
// 4.5 but drops the cell ids that 4.5 requires; 4.4 needs none.
// Usage: dotnet run normalize.cs -- NOTEBOOK.ipynb (rewritten in place).
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

var path = args.Length == 1 ? args[0] : throw new ArgumentException("usage: normalize.cs NOTEBOOK.ipynb");
var notebook = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
foreach (var cell in notebook["cells"]!.AsArray().Select(c => c!.AsObject()))
{
    var metadata = cell["metadata"]!.AsObject();
    metadata.Remove("dotnet_repl_cellExecutionStartTime");
    metadata.Remove("dotnet_repl_cellExecutionEndTime");
    if (cell["outputs"] is JsonArray outputs)
    {
        foreach (var noise in outputs.Where(IsNoise).ToList())
        {
            outputs.Remove(noise);
        }

        // Jupyter writes base64 images as one string; dotnet-repl as a list of one.
        foreach (var data in outputs.Select(o => o?["data"]).OfType<JsonObject>().Where(d => d["image/png"] is JsonArray))
        {
            data["image/png"] = Text(data["image/png"]);
        }
    }
}

notebook["nbformat_minor"] = 4;
var options = new JsonSerializerOptions { WriteIndented = true, IndentSize = 1, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
File.WriteAllText(path, notebook.ToJsonString(options) + "\n");

static bool IsNoise(JsonNode? output)
{
    var text = Text(output?["data"]?["text/html"]) + Text(output?["data"]?["text/plain"]);
    return text.Contains("<strong>Installing Packages</strong>", StringComparison.Ordinal)
        || text.StartsWith("Loading extensions from ", StringComparison.Ordinal)
        || (output?["output_type"]?.GetValue<string>() == "stream" && Text(output["text"]).Length == 0);
}

static string Text(JsonNode? lines) => lines switch
{
    JsonArray array => string.Concat(array.Select(line => line!.GetValue<string>())),
    JsonValue value => value.GetValue<string>(),
    _ => "",
};
