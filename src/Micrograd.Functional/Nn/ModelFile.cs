using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using Micrograd.Functional.Files;
using static LanguageExt.Prelude;

namespace Micrograd.Functional.Nn;

/// <summary>
/// Saves and loads an <see cref="Mlp"/> as JSON: its architecture and its parameters, with doubles
/// written in the shortest form that round-trips, so a loaded model is bit-for-bit the saved one.
/// </summary>
/// <remarks>
/// The format (version 1):
/// <code>
/// { "format": "micrograd-functional/mlp", "version": 1, "inputs": 2,
///   "layers": [ { "activation": "relu", "weights": [[w, w], …], "biases": [b, …] }, … ] }
/// </code>
/// Row i of a layer's <c>weights</c> and entry i of its <c>biases</c> belong to its neuron i.
/// An <c>activation</c> is read only as one of the names written, exactly: <c>relu</c>, <c>tanh</c>,
/// <c>sigmoid</c>, <c>linear</c> (lower case; any other case, spacing, number or comma list is refused).
/// Nesting deeper than <see cref="MaxDepth"/> is refused; text quoted from the file in an error is
/// bounded and escaped (<see cref="UntrustedText"/>).
/// </remarks>
public static class ModelFile
{
    /// <summary>The value of the <c>format</c> field.</summary>
    public const string Format = "micrograd-functional/mlp";

    /// <summary>The version this library writes and reads.</summary>
    public const int Version = 1;

    /// <summary>The deepest nesting of arrays and objects a model file may have (64, System.Text.Json's default); a model needs 4.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Writes <paramref name="model"/> to <paramref name="path"/> atomically: to a temporary file in
    /// the same folder, flushed to disk, then renamed over the target. A crash leaves either the old
    /// file or the new one, never a half-written one.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <exception cref="ArgumentException">A parameter is NaN or infinite (JSON has no such numbers).</exception>
    /// <exception cref="IOException">The file system refused the write; the target is unchanged.</exception>
    public static void Save(Mlp model, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteText(path, ToJson(model));
    }

    /// <summary>The model as JSON text, indented.</summary>
    /// <param name="model">The model.</param>
    /// <exception cref="ArgumentException">A parameter is NaN or infinite.</exception>
    public static string ToJson(Mlp model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var values = model.ParameterValues();
        var bad = values.Select((v, i) => (v, i)).Where(p => !double.IsFinite(p.v)).Select(p => (int?)p.i).FirstOrDefault();
        if (bad is { } i)
        {
            throw new ArgumentException($"Parameter {i} is {values[i]}: JSON cannot hold NaN or infinity, so the model cannot be saved.", nameof(model));
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteNumber("version", Version);
            json.WriteNumber("inputs", model.Inputs);
            json.WriteStartArray("layers");
            foreach (var layer in model.Layers)
            {
                json.WriteStartObject();
                json.WriteString("activation", NameOf(layer.Activation));
                json.WriteStartArray("weights");
                foreach (var neuron in layer.Neurons)
                {
                    WriteNumbers(json, neuron.Weights.Select(w => w.Data));
                }

                json.WriteEndArray();
                json.WritePropertyName("biases");
                WriteNumbers(json, layer.Neurons.Select(n => n.Bias.Data));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// The largest model file <see cref="Load"/> reads, 256 MiB (about ten million parameters as JSON); a larger file,
    /// or a device or stream with no end such as <c>/dev/zero</c>, is refused with a failure instead of filling memory.
    /// </summary>
    public const long MaxFileBytes = 256L << 20;

    /// <summary>
    /// Reads a model from <paramref name="path"/>. A missing, truncated, corrupted or
    /// shape-mismatched file gives a failure whose message names the file and what is wrong;
    /// a model is returned only when the whole file is valid. Files above <see cref="MaxFileBytes"/> are refused.
    /// </summary>
    /// <param name="path">The file to read.</param>
    public static Fin<Mlp> Load(string path)
    {
        try
        {
            // As File.ReadAllText reads it (UTF-8, or what a byte-order mark says), but never more than MaxFileBytes.
            using var text = new StreamReader(new MemoryStream(BoundedFile.ReadAllBytes(path, MaxFileBytes)), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return FromJson(text.ReadToEnd(), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return FinFail<Mlp>(Error.New($"{path}: cannot read the model file: {(Directory.Exists(path) ? "it is a directory, not a file" : e.Message)}"));
        }
    }

    /// <summary>Reads a model from JSON text; see <see cref="Load"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">The name used in error messages, e.g. the file path.</param>
    public static Fin<Mlp> FromJson(string json, string source = "<json>")
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
            return FinSucc(Read(document.RootElement));
        }
        catch (JsonException) when (NestedTooDeep(json))
        {
            return FinFail<Mlp>(Error.New($"{source}: the JSON is nested deeper than {MaxDepth} levels (a model file has 4); the file is corrupted or not a model file."));
        }
        catch (JsonException e)
        {
            return FinFail<Mlp>(Error.New($"{source}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}); the file may be truncated or corrupted."));
        }
        catch (FormatException e)
        {
            return FinFail<Mlp>(Error.New($"{source}: {e.Message}"));
        }
    }

    /// <summary>
    /// Whether an array or object opens deeper than <see cref="MaxDepth"/> before the text is otherwise invalid:
    /// the parser reports both as a JsonException, and only this scan tells them apart.
    /// </summary>
    private static bool NestedTooDeep(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject && reader.CurrentDepth >= MaxDepth)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // another fault came first
        }

        return false;
    }

    private static void WriteNumbers(Utf8JsonWriter json, IEnumerable<double> numbers)
    {
        json.WriteStartArray();
        foreach (var x in numbers)
        {
            json.WriteNumberValue(x);
        }

        json.WriteEndArray();
    }

    /// <summary>Validates the whole document and builds the model, or throws a FormatException naming the JSON path.</summary>
    private static Mlp Read(JsonElement root)
    {
        Expect(root, JsonValueKind.Object, "$");
        var format = Property(root, "format", JsonValueKind.String, "$").GetString();
        if (format != Format)
        {
            throw new FormatException($"$.format is \"{UntrustedText.Bounded(format)}\"; expected \"{Format}\".");
        }

        var version = Integer(Property(root, "version", JsonValueKind.Number, "$"), "$.version");
        if (version != Version)
        {
            throw new FormatException($"$.version is {version}; this library reads version {Version}.");
        }

        var inputs = Integer(Property(root, "inputs", JsonValueKind.Number, "$"), "$.inputs");
        if (inputs < 1)
        {
            throw new FormatException($"$.inputs is {inputs}; a model needs at least 1 input.");
        }

        var layers = Property(root, "layers", JsonValueKind.Array, "$");
        if (layers.GetArrayLength() == 0)
        {
            throw new FormatException("$.layers is empty; a model needs at least one layer.");
        }

        var width = inputs;
        var built = ImmutableArray.CreateBuilder<Layer>();
        foreach (var (layer, l) in layers.EnumerateArray().Select((e, l) => (e, l)))
        {
            var at = $"$.layers[{l}]";
            Expect(layer, JsonValueKind.Object, at);
            var activation = ActivationNamed(Property(layer, "activation", JsonValueKind.String, at).GetString()!, $"{at}.activation");

            var weights = Property(layer, "weights", JsonValueKind.Array, at);
            var biases = Numbers(Property(layer, "biases", JsonValueKind.Array, at), $"{at}.biases", expected: null);
            if (weights.GetArrayLength() == 0 || weights.GetArrayLength() != biases.Length)
            {
                throw new FormatException($"{at} has {weights.GetArrayLength()} weight rows and {biases.Length} biases; it needs one of each per neuron, and at least one neuron.");
            }

            var neurons = weights.EnumerateArray()
                .Select((row, n) => new Neuron(
                    [.. Numbers(row, $"{at}.weights[{n}]", expected: width).Select(w => new Value(w))],
                    new Value(biases[n]),
                    activation))
                .ToImmutableArray();
            built.Add(new Layer(neurons));
            width = neurons.Length;
        }

        return new Mlp(inputs, built.ToImmutable());
    }

    /// <summary>The activation whose name this library writes (lower case), compared exactly: no other case, no spaces, no numbers, no flag lists.</summary>
    private static Activation ActivationNamed(string name, string at) =>
        Enum.GetValues<Activation>().Where(a => NameOf(a) == name).Select(a => (Activation?)a).FirstOrDefault()
        ?? throw new FormatException($"{at} is \"{UntrustedText.Bounded(name)}\"; expected one of {string.Join(", ", Enum.GetValues<Activation>().Select(NameOf))}.");

    /// <summary>The name written for <paramref name="activation"/>: its enum name in lower case, e.g. "relu".</summary>
    internal static string NameOf(Activation activation) => activation.ToString().ToLowerInvariant();

    private static JsonElement Property(JsonElement obj, string name, JsonValueKind kind, string at)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            throw new FormatException($"{at}.{name} is missing.");
        }

        Expect(value, kind, $"{at}.{name}");
        return value;
    }

    private static void Expect(JsonElement element, JsonValueKind kind, string at)
    {
        if (element.ValueKind != kind)
        {
            throw new FormatException($"{at} is {element.ValueKind.ToString().ToLowerInvariant()}; expected {kind.ToString().ToLowerInvariant()}.");
        }
    }

    private static int Integer(JsonElement number, string at) =>
        number.TryGetInt32(out var value) ? value : throw new FormatException($"{at} is {UntrustedText.Bounded(number.GetRawText())}; expected a whole number.");

    private static double[] Numbers(JsonElement array, string at, int? expected)
    {
        Expect(array, JsonValueKind.Array, at);
        if (expected is { } count && array.GetArrayLength() != count)
        {
            throw new FormatException($"{at} has {array.GetArrayLength()} weights; the layer's input width is {count}.");
        }

        return array.EnumerateArray().Select((x, i) =>
        {
            Expect(x, JsonValueKind.Number, $"{at}[{i}]");
            return x.TryGetDouble(out var v) && double.IsFinite(v) ? v : throw new FormatException($"{at}[{i}] is {UntrustedText.Bounded(x.GetRawText())}; expected a finite double.");
        }).ToArray();
    }
}
