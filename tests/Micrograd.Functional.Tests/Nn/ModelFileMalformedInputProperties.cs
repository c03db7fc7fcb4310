using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LanguageExt;
using Micrograd.Functional.Nn;
using Micrograd.Functional.Tests.Files;

namespace Micrograd.Functional.Tests.Nn;

/// <summary>
/// Hostile model files (cut, bit-flipped, random, nested thousands deep, out-of-range numbers) never make
/// <see cref="ModelFile.Load"/> throw, and every failure starts with the file's path. Each property works in its own
/// temporary folder.
/// </summary>
public sealed class ModelFileMalformedInputProperties : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("micrograd-model-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Gen<byte[]> ValidFiles => RandomModels.Models().Generator.Select(m => MalformedInputs.Utf8(ModelFile.ToJson(m)));

    [Property(MaxTest = 200)]
    public Property A_cut_file_always_fails_naming_the_file() =>
        Prop.ForAll(MalformedInputs.Truncated(ValidFiles).ToArbitrary(), file => Assert.StartsWith(Write(file.Bytes) + ": ", Failure(Load())));

    [Property(MaxTest = 300)]
    public Property A_bit_flipped_or_random_file_never_throws_and_any_failure_names_the_file() =>
        Prop.ForAll(
            Gen.OneOf(MalformedInputs.BitFlipped(ValidFiles), MalformedInputs.RandomBytes).ToArbitrary(),
            file =>
            {
                var path = Write(file.Bytes);
                Load().IfFail(e => Assert.StartsWith(path + ": ", e.Message));
            });

    [Property(MaxTest = 50)]
    public Property Arrays_or_objects_nested_up_to_ten_thousand_deep_fail_naming_the_file() =>
        Prop.ForAll(
            (from depth in Gen.Choose(1, 10_000)
             from open in Gen.Elements("[", "{\"a\":", "{\"format\":\"micrograd-functional/mlp\",\"version\":1,\"inputs\":1,\"layers\":[")
             select (depth, open)).ToArbitrary(),
            c =>
            {
                var close = c.open.StartsWith('[') ? "]" : c.open.EndsWith('[') ? "]}" : "}";
                var json = string.Concat(Enumerable.Repeat(c.open, c.depth)) + "0" + string.Concat(Enumerable.Repeat(close, c.depth));
                Assert.StartsWith(Write(MalformedInputs.Utf8(json)) + ": ", Failure(Load()));
            });

    [Property(MaxTest = 200)]
    public Property A_number_beyond_double_range_as_inputs_version_weight_or_bias_fails_naming_the_file() =>
        Prop.ForAll(
            (from huge in MalformedInputs.HugeNumbers
             from slot in Gen.Elements("VERSION", "INPUTS", "WEIGHT", "BIAS")
             select (huge, slot)).ToArbitrary(),
            c =>
            {
                const string template = """
                    {"format":"micrograd-functional/mlp","version":VERSION,"inputs":INPUTS,
                     "layers":[{"activation":"tanh","weights":[[WEIGHT]],"biases":[BIAS]}]}
                    """;
                var json = template.Replace(c.slot, c.huge).Replace("VERSION", "1").Replace("INPUTS", "1").Replace("WEIGHT", "0.5").Replace("BIAS", "0");
                Assert.StartsWith(Write(MalformedInputs.Utf8(json)) + ": ", Failure(Load()));
            });

    private string PathOf => Path.Combine(_folder, "model.json");

    private Fin<Mlp> Load() => ModelFile.Load(PathOf);

    private string Write(byte[] bytes)
    {
        File.WriteAllBytes(PathOf, bytes);
        return PathOf;
    }

    private static string Failure<T>(Fin<T> result) =>
        result.Match(value => throw new Xunit.Sdk.XunitException($"expected a failure, got {value}"), e => e.Message);
}
