using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Micrograd.Functional.Nn;

namespace Micrograd.Functional.Tests.Nn;

/// <summary>Random models for the round-trip property: random shapes, activations and bit patterns.</summary>
public static class RandomModels
{
    /// <summary>Any finite double, drawn from its bits: subnormals, −0.0, 1e308 and everything between.</summary>
    public static Gen<double> FiniteDoubles =>
        (from hi in Gen.Choose(int.MinValue, int.MaxValue)
         from lo in Gen.Choose(int.MinValue, int.MaxValue)
         select BitConverter.Int64BitsToDouble(((long)hi << 32) | (uint)lo))
        .Where(double.IsFinite);

    /// <summary>Models with 1 to 4 inputs and 1 to 3 layers of width 1 to 5.</summary>
    public static Arbitrary<Mlp> Models() => Arb.From(
        from inputs in Gen.Choose(1, 4)
        from sizes in Gen.Choose(1, 5).ArrayOf().Where(s => s.Length is >= 1 and <= 3)
        from hidden in Gen.Elements(Enum.GetValues<Activation>())
        from output in Gen.Elements(Enum.GetValues<Activation>())
        from values in FiniteDoubles.ArrayOf(1000)
        select Build(inputs, sizes, hidden, output, values));

    private static Mlp Build(int inputs, int[] sizes, Activation hidden, Activation output, double[] values)
    {
        var shape = Mlp.Create(inputs, sizes, () => 0, hidden, output);
        return shape.WithParameters(values.AsSpan(0, shape.Parameters.Length));
    }
}

/// <summary>Saving and loading models: bit-exact round trips, atomic saves, and clear errors for bad files.</summary>
public sealed class ModelFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("micrograd-model-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static Mlp Small() => Mlp.Create(2, [3, 1], new Random(5).NextDouble);

    private static long[] Bits(Mlp model) => [.. model.ParameterValues().Select(BitConverter.DoubleToInt64Bits)];

    [Property(Arbitrary = [typeof(RandomModels)], MaxTest = 100)]
    public void Save_then_load_gives_back_the_same_model_bit_for_bit(Mlp model)
    {
        var path = PathOf("model.json");
        ModelFile.Save(model, path);
        var loaded = ModelFile.Load(path).ThrowIfFail();

        Assert.Equal(model.Shape, loaded.Shape);
        Assert.Equal(model.Layers.Select(l => l.Activation), loaded.Layers.Select(l => l.Activation));
        Assert.Equal(Bits(model), Bits(loaded));
    }

    [Fact]
    public void A_device_with_no_end_is_refused_at_the_size_bound_instead_of_filling_memory()
    {
        // File.ReadAllText("/dev/zero") read until an OutOfMemoryException escaped.
        var message = ModelFile.Load("/dev/zero").Match(_ => "loaded", e => e.Message);
        Assert.StartsWith("/dev/zero: cannot read the model file: the file is larger than 268,435,456 bytes", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_a_byte_order_mark_still_loads()
    {
        var model = Mlp.Create(2, [3, 1], seed: 5);
        var path = Path.Combine(Path.GetTempPath(), $"model-bom-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, ModelFile.ToJson(model), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            Assert.Equal(model.ParameterValues().ToArray(), ((Mlp)ModelFile.Load(path)).ParameterValues().ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_file_is_readable_json_in_the_documented_format()
    {
        var model = Mlp.Create(1, [1], () => 0.5);
        var json = ModelFile.ToJson(model);
        Assert.Equal(
            """{"format":"micrograd-functional/mlp","version":1,"inputs":1,"layers":[{"activation":"linear","weights":[[0.5]],"biases":[0]}]}""",
            string.Concat(json.Where(c => !char.IsWhiteSpace(c))));
        // Indented, one field per line, so a person can read and diff it.
        Assert.StartsWith("{\n  \"format\": \"micrograd-functional/mlp\",\n  \"version\": 1,\n  \"inputs\": 1,\n", json.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_save_replaces_the_old_file_and_leaves_no_temporary_files()
    {
        var path = PathOf("model.json");
        ModelFile.Save(Small(), path);
        var second = Mlp.Create(2, [4, 1], () => 0.25);
        ModelFile.Save(second, path);

        Assert.Equal(second.Shape, ModelFile.Load(path).ThrowIfFail().Shape);
        Assert.Equal(new[] { "model.json" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_model_with_a_nan_parameter_is_refused_and_the_old_file_survives()
    {
        var path = PathOf("model.json");
        ModelFile.Save(Small(), path);
        var before = File.ReadAllBytes(path);
        var broken = Small().WithParameters(Enumerable.Repeat(double.NaN, 13).ToArray());

        var error = Assert.Throws<ArgumentException>(() => ModelFile.Save(broken, path));
        Assert.Contains("Parameter 0 is NaN", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void A_truncated_file_is_an_error_naming_the_file_never_a_partial_model()
    {
        var path = PathOf("model.json");
        ModelFile.Save(Small(), path);
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text[..(text.Length / 2)]);

        var message = Failure(ModelFile.Load(path));
        Assert.Contains(path, message);
        Assert.Contains("not valid JSON", message);
        Assert.Contains("truncated", message);
    }

    [Theory]
    [InlineData("garbage \u0000\u0001", "not valid JSON (line 1, byte 1)")]
    [InlineData("[]", "$ is array; expected object")]
    [InlineData("""{"format":"other","version":1,"inputs":1,"layers":[]}""", "$.format is \"other\"")]
    [InlineData("""{"format":"micrograd-functional/mlp","version":2,"inputs":1,"layers":[]}""", "$.version is 2; this library reads version 1")]
    [InlineData("""{"format":"micrograd-functional/mlp","version":1,"layers":[]}""", "$.inputs is missing")]
    [InlineData("""{"format":"micrograd-functional/mlp","version":1,"inputs":1.5,"layers":[]}""", "$.inputs is 1.5; expected a whole number")]
    [InlineData("""{"format":"micrograd-functional/mlp","version":1,"inputs":0,"layers":[]}""", "$.inputs is 0")]
    [InlineData("""{"format":"micrograd-functional/mlp","version":1,"inputs":1,"layers":[]}""", "$.layers is empty")]
    [InlineData("""{"format":"micrograd-functional/mlp","version":1,"inputs":1,"layers":[{"activation":"swish","weights":[[1]],"biases":[0]}]}""", "$.layers[0].activation is \"swish\"; expected one of relu, tanh, sigmoid, linear")]
    [InlineData("""{"format":"micrograd-functional/mlp","version":1,"inputs":1,"layers":[{"activation":"1","weights":[[1]],"biases":[0]}]}""", "$.layers[0].activation is \"1\"")]
    [InlineData("""{"format":"micrograd-functional/mlp","version":1,"inputs":2,"layers":[{"activation":"relu","weights":[[1]],"biases":[0]}]}""", "$.layers[0].weights[0] has 1 weights; the layer's input width is 2")]
    [InlineData("""{"format":"micrograd-functional/mlp","version":1,"inputs":1,"layers":[{"activation":"relu","weights":[[1],[2]],"biases":[0]}]}""", "$.layers[0] has 2 weight rows and 1 biases")]
    [InlineData("""{"format":"micrograd-functional/mlp","version":1,"inputs":1,"layers":[{"activation":"relu","weights":[[1]],"biases":[0]},{"activation":"linear","weights":[[1,2]],"biases":[0]}]}""", "$.layers[1].weights[0] has 2 weights; the layer's input width is 1")]
    [InlineData("""{"format":"micrograd-functional/mlp","version":1,"inputs":1,"layers":[{"activation":"relu","weights":[["1"]],"biases":[0]}]}""", "$.layers[0].weights[0][0] is string; expected number")]
    [InlineData("""{"format":"micrograd-functional/mlp","version":1,"inputs":1,"layers":[{"activation":"relu","weights":[[1e999]],"biases":[0]}]}""", "$.layers[0].weights[0][0] is 1e999; expected a finite double")]
    [InlineData("""{"format":"micrograd-functional/mlp","version":1,"inputs":1,"layers":[{"activation":"tanh,sigmoid","weights":[[1]],"biases":[0]}]}""", "$.layers[0].activation is \"tanh,sigmoid\"; expected one of relu, tanh, sigmoid, linear")]
    [InlineData("""{"format":"micrograd-functional/mlp","version":1,"inputs":1,"layers":[{"activation":"relu, tanh","weights":[[1]],"biases":[0]}]}""", "$.layers[0].activation is \"relu, tanh\"; expected one of")]
    [InlineData("""{"format":"micrograd-functional/mlp","version":1,"inputs":1,"layers":[{"activation":"7","weights":[[1]],"biases":[0]}]}""", "$.layers[0].activation is \"7\"; expected one of")]
    [InlineData("""{"format":"micrograd-functional/mlp","version":1,"inputs":1,"layers":[{"activation":"Relu","weights":[[1]],"biases":[0]}]}""", "$.layers[0].activation is \"Relu\"; expected one of")]
    [InlineData("""{"format":"micrograd-functional/mlp","version":1,"inputs":1,"layers":[{"activation":" relu","weights":[[1]],"biases":[0]}]}""", "$.layers[0].activation is \" relu\"; expected one of")]
    [InlineData("""{"version":1,"inputs":1,"layers":[]}""", "$.format is missing")]
    [InlineData("""{"format":"micrograd-functional/mlp","inputs":1,"layers":[]}""", "$.version is missing")]
    [InlineData("""{"format":"micrograd-functional/mlp","version":1,"inputs":1}""", "$.layers is missing")]
    [InlineData("""{"format":7,"version":1,"inputs":1,"layers":[]}""", "$.format is number; expected string")]
    [InlineData("""{"format":"micrograd-functional/mlp","version":1,"inputs":1,"layers":[7]}""", "$.layers[0] is number; expected object")]
    [InlineData("""{"format":"micrograd-functional/mlp","version":1,"inputs":1,"layers":[{"activation":"relu","weights":[7],"biases":[0]}]}""", "$.layers[0].weights[0] is number; expected array")]
    [InlineData("""{"format":"micrograd-functional/mlp","version":1,"inputs":1,"layers":[{"activation":"relu","weights":[[1]],"biases":[null]}]}""", "$.layers[0].biases[0] is null; expected number")]
    public void A_corrupted_or_mismatched_file_is_an_error_that_says_what_is_wrong(string json, string expected)
    {
        var path = PathOf("bad.json");
        File.WriteAllText(path, json);
        var message = Failure(ModelFile.Load(path));
        Assert.StartsWith(path + ": ", message);
        Assert.Contains(expected, message);
    }

    [Fact]
    public void Json_nested_deeper_than_the_limit_is_reported_as_too_deep_not_as_truncated()
    {
        var path = PathOf("deep.json");
        File.WriteAllText(path, new string('[', 100) + new string(']', 100));
        var message = Failure(ModelFile.Load(path));
        Assert.StartsWith(path + ": ", message);
        Assert.Contains($"nested deeper than {ModelFile.MaxDepth} levels", message);
        Assert.DoesNotContain("truncated", message);
    }

    [Theory]
    [InlineData(64, "$ is array; expected object")]
    [InlineData(65, "nested deeper than 64 levels")]
    public void The_depth_limit_is_64_levels_exactly(int depth, string expected)
    {
        var message = Failure(ModelFile.FromJson(new string('[', depth) + new string(']', depth), "deep.json"));
        Assert.Contains(expected, message);
    }

    [Fact]
    public void Deep_json_that_is_also_cut_short_is_reported_as_too_deep_and_shallow_garbage_as_invalid()
    {
        Assert.Contains("nested deeper than 64 levels", Failure(ModelFile.FromJson(new string('{', 1) + "\"a\":" + new string('[', 100), "x")));
        Assert.Contains("not valid JSON", Failure(ModelFile.FromJson("[[[1,]]]", "x")));
    }

    [Fact]
    public void A_huge_string_in_the_file_is_quoted_cut_to_200_characters()
    {
        var path = PathOf("huge.json");
        var huge = new string('z', 1_000_000);
        File.WriteAllText(path, $$"""{"format":"{{huge}}","version":1,"inputs":1,"layers":[]}""");
        var message = Failure(ModelFile.Load(path));
        Assert.Contains($"$.format is \"{new string('z', 200)}…\"", message);
        Assert.True(message.Length < path.Length + 300, $"the message has {message.Length} characters");
    }

    [Fact]
    public void A_huge_number_in_the_file_is_quoted_cut_to_200_characters()
    {
        var path = PathOf("long-number.json");
        File.WriteAllText(path, $$"""{"format":"micrograd-functional/mlp","version":1{{new string('0', 100_000)}},"inputs":1,"layers":[]}""");
        var message = Failure(ModelFile.Load(path));
        Assert.Contains("$.version is 1" + new string('0', 199) + "…", message);
        Assert.True(message.Length < path.Length + 300, $"the message has {message.Length} characters");
    }

    [Fact]
    public void An_ansi_escape_in_the_file_is_quoted_escaped_never_raw()
    {
        var path = PathOf("ansi.json");
        File.WriteAllText(path, """{"format":"micrograd-functional/mlp","version":1,"inputs":1,"layers":[{"activation":"\u001b[2Jrelu","weights":[[1]],"biases":[0]}]}""");
        var message = Failure(ModelFile.Load(path));
        Assert.DoesNotContain('\u001b', message);
        Assert.Contains("$.layers[0].activation is \"\\u001b[2Jrelu\"", message);
    }

    [Fact]
    public void A_folder_given_as_the_model_file_is_reported_as_a_folder()
    {
        var message = Failure(ModelFile.Load(_folder));
        Assert.Equal($"{_folder}: cannot read the model file: it is a directory, not a file", message);
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        var path = PathOf("nowhere.json");
        var message = Failure(ModelFile.Load(path));
        Assert.Contains(path, message);
        Assert.Contains("cannot read the model file", message);
        Assert.DoesNotContain("directory", message); // the system's own reason, not the folder message
    }

    private static string Failure(LanguageExt.Fin<Mlp> result) =>
        result.Match(Succ: m => throw new Xunit.Sdk.XunitException($"expected a failure, got {m}"), Fail: e => e.Message);
}
