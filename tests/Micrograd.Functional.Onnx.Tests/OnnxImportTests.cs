using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Google.Protobuf;
using LanguageExt;
using Micrograd.Functional.Nn;
using Onnx;

namespace Micrograd.Functional.Onnx.Tests;

/// <summary>Reading exported models back: bit for bit for what the exporter writes, a failure naming the file for anything else.</summary>
public class OnnxImportTests
{
    private static readonly Mlp Small = Mlp.Create(2, [3, 2], seed: 5, hidden: Activation.Tanh);

    /// <summary>
    /// Random shapes, activations and parameters, with the awkward doubles among them (±0, subnormals, huge, tiny, and
    /// NaN and ±∞, which ONNX holds as they are, unlike JSON).
    /// </summary>
    public static Arbitrary<Mlp> Models() => Arb.From(
        from inputs in Gen.Choose(1, 4)
        from sizes in Gen.ListOf(Gen.Choose(1, 5)).Where(l => l.Count is >= 1 and <= 4).Select(l => l.ToArray())
        from hidden in Gen.Elements(Enum.GetValues<Activation>())
        from last in Gen.Elements(Enum.GetValues<Activation>())
        from weights in Gen.ArrayOf(Gen.OneOf(
            Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1e6),
            Gen.Elements(0.0, -0.0, double.Epsilon, -double.Epsilon, 1e-310, 1e300, -1e300, 0.1, 1.0 / 3, double.NaN, double.PositiveInfinity, double.NegativeInfinity)))
        let template = Mlp.Create(inputs, sizes, () => 0.0, hidden, last)
        select template.WithParameters([.. Enumerable.Range(0, template.Parameters.Length).Select(i => weights.Length == 0 ? 0.5 : weights[i % weights.Length] * (1 + i))]));

    [Property(Arbitrary = [typeof(OnnxImportTests)], MaxTest = 200)]
    public void Export_then_import_gives_back_every_parameter_bit_for_bit_with_the_same_shape_and_activations(Mlp model)
    {
        var back = OnnxImport.MlpFromBytes(Runtime.Bytes(OnnxExport.ToBytes(model))).Match(m => m, e => throw new Xunit.Sdk.XunitException(e.Message));
        Assert.Equal(model.Shape, back.Shape);
        Assert.Equal(model.Layers.Select(l => l.Activation), back.Layers.Select(l => l.Activation));
        Assert.Equal(model.ParameterValues().Select(BitConverter.DoubleToInt64Bits), back.ParameterValues().Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void A_float32_export_imports_as_its_floats_widened_to_doubles()
    {
        var back = (Mlp)OnnxImport.MlpFromBytes(Runtime.Bytes(OnnxExport.ToBytes(Small, new OnnxExportOptions { Precision = OnnxPrecision.Float32 })));
        Assert.Equal(Small.ParameterValues().Select(p => (double)(float)p), back.ParameterValues().ToArray());
    }

    [Fact]
    public void A_k_class_export_with_softmax_imports_as_the_same_model()
    {
        var back = (Mlp)OnnxImport.MlpFromBytes(Runtime.Bytes(OnnxExport.ToBytes(Small, new OnnxExportOptions { SoftmaxOutput = true, TrainingSummary = "none" })));
        Assert.Equal(Small.ParameterValues().ToArray(), back.ParameterValues().ToArray());
    }

    [Fact]
    public void A_file_cut_short_anywhere_is_refused()
    {
        var bytes = Runtime.Bytes(OnnxExport.ToBytes(Small));
        for (var length = 0; length < bytes.Length; length++)
        {
            var loaded = OnnxImport.MlpFromBytes(bytes.AsSpan(0, length), "cut.onnx");
            Assert.True(loaded.IsFail, $"a file cut to {length} of {bytes.Length} bytes was accepted");
            Assert.StartsWith("cut.onnx: ", Message(loaded));
        }
    }

    [Fact]
    public void A_flipped_bit_anywhere_is_refused_or_leaves_the_model_exactly_as_it_was()
    {
        var bytes = Runtime.Bytes(OnnxExport.ToBytes(Small));
        var refused = 0;
        for (var bit = 0; bit < 8 * bytes.Length; bit++)
        {
            var flipped = (byte[])bytes.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            var loaded = OnnxImport.MlpFromBytes(flipped, "flipped.onnx");
            if (loaded.IsFail)
            {
                refused++;
                Assert.StartsWith("flipped.onnx: ", Message(loaded));
                continue;
            }

            // A flip in a name nothing refers to, a doc field or the producer's version changes nothing that is read.
            var model = (Mlp)loaded;
            Assert.Equal(Small.Shape, model.Shape);
            Assert.Equal(Small.ParameterValues().ToArray(), model.ParameterValues().ToArray());
            Assert.Equal(Small.Layers.Select(l => l.Activation), model.Layers.Select(l => l.Activation));
        }

        Assert.True(refused > 7 * bytes.Length, $"only {refused} of {8 * bytes.Length} flips were refused");
    }

    [Fact]
    public void Files_that_are_not_ONNX_models_of_this_shape_are_refused_with_the_file_and_the_reason()
    {
        var folder = Directory.CreateTempSubdirectory("onnx-import-").FullName;
        try
        {
            Assert.Contains("cannot read the ONNX file", Message(OnnxImport.LoadMlp(Path.Combine(folder, "missing.onnx"))));
            Assert.Contains("it is a directory, not a file", Message(OnnxImport.LoadMlp(folder)));
            Assert.Contains("cannot read the ONNX file", Message(OnnxImport.LoadMlp(null!)));

            var json = Path.Combine(folder, "model.json");
            ModelFile.Save(Small, json);
            Assert.StartsWith($"{json}: ", Message(OnnxImport.LoadMlp(json)));

            var random = new byte[4096];
            new Random(16).NextBytes(random);
            Assert.StartsWith("random: ", Message(OnnxImport.MlpFromBytes(random, "random")));
            Assert.Equal("empty: not a model of the shape this library exports: the file has no graph.", Message(OnnxImport.MlpFromBytes([], "empty")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_device_with_no_end_is_refused_at_the_size_bound_instead_of_filling_memory()
    {
        // File.ReadAllBytes("/dev/zero") reads until an OutOfMemoryException escapes (4 GB in 11 s, found by a red team).
        var message = Message(OnnxImport.LoadMlp("/dev/zero"));
        Assert.StartsWith("/dev/zero: cannot read the ONNX file: the file is larger than 268,435,456 bytes", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_export_refused_for_its_options_names_the_file_it_was_for()
    {
        var path = Path.Combine(Path.GetTempPath(), $"onnx-refused-{Guid.NewGuid():N}.onnx");
        var oneOutput = Mlp.Create(2, [3, 1], seed: 5);
        var saved = OnnxExport.Save(oneOutput, path, new OnnxExportOptions { SoftmaxOutput = true }); // one output: no classes to soften
        Assert.StartsWith($"{path}: ", saved.Match(_ => "saved", e => e.Message), StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Graphs_of_another_shape_are_refused_naming_what_differs()
    {
        Assert.Contains("does not start with a Gemm", Edited(m => m.Graph.Node[0].OpType = "MatMul"));
        Assert.Contains("alpha = 2", Edited(m => m.Graph.Node[0].Attribute.Add(new AttributeProto { Name = "alpha", Type = AttributeProto.Types.AttributeType.Float, F = 2 })));
        Assert.Contains("followed by a Elu node", Edited(m => m.Graph.Node[1].OpType = "Elu"));
        Assert.Contains("weight has shape [3, 5]", Edited(m => m.Graph.Initializer[0].Dims[1] = 5));
        Assert.Contains("holds FLOAT, not DOUBLE", Edited(m => m.Graph.Initializer[1].DataType = (int)TensorProto.Types.DataType.Float));
        Assert.Contains("2 inputs", Edited(m => m.Graph.Input.Add(m.Graph.Input[0].Clone())));
        Assert.Contains("1 more nodes (the first a Softmax)", Edited(m => m.Graph.Node.Add(new NodeProto { OpType = "Softmax", Name = "extra", Input = { "output" }, Output = { "p" } })));
        Assert.Contains("do not match their SHA-256", Edited(m => m.Graph.Initializer[0].RawData = ByteString.CopyFrom(new byte[m.Graph.Initializer[0].RawData.Length])));
        Assert.Contains("micrograd.architecture = \"2-3-3\"", Edited(m => m.MetadataProps[0].Value = "2-3-3"));
        Assert.Contains("carries micrograd.parameters.sha256", Edited(m => m.MetadataProps.RemoveAt(m.MetadataProps.Count - 1)));

        // Files ONNX Runtime refuses (found by a red team: the reader used to take them).
        Assert.Contains("IR version is 99; this reader takes 7 to 11", Edited(m => m.IrVersion = 99));
        Assert.Contains("imports the default ONNX operator set 0 times", Edited(m => m.OpsetImport.Clear()));
        Assert.Contains("imports the default ONNX operator set 2 times", Edited(m => m.OpsetImport.Add(new OperatorSetIdProto { Domain = "ai.onnx", Version = 1 })));
        Assert.Contains("uses ONNX opset 6; this reader takes 13 to 21", Edited(m => m.OpsetImport[0].Version = 6));
        Assert.Contains("(an attribute of type Int)", Edited(m => m.Graph.Node[0].Attribute.Add(new AttributeProto { Name = "alpha", Type = AttributeProto.Types.AttributeType.Int, I = 5, F = 1 })));
        Assert.Contains("(an attribute of type Float)", Edited(m => m.Graph.Node[0].Attribute[0].Type = AttributeProto.Types.AttributeType.Float));

        // A Softmax with two axis attributes is refused as a Fail (a SingleOrDefault used to throw out of the reader).
        var softmax = ModelProto.Parser.ParseFrom(Runtime.Bytes(OnnxExport.ToBytes(Small, new OnnxExportOptions { SoftmaxOutput = true })));
        var node = softmax.Graph.Node.Single(n => n.OpType == "Softmax");
        node.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        node.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        Assert.StartsWith("two-axes.onnx: ", Message(OnnxImport.MlpFromBytes(softmax.ToByteArray(), "two-axes.onnx")), StringComparison.Ordinal);

        // Another producer's file of the same shape, without this library's metadata, is read.
        var foreign = ModelProto.Parser.ParseFrom(Runtime.Bytes(OnnxExport.ToBytes(Small)));
        foreign.ProducerName = "another-tool";
        foreign.MetadataProps.Clear();
        Assert.Equal(Small.ParameterValues().ToArray(), ((Mlp)OnnxImport.MlpFromBytes(foreign.ToByteArray())).ParameterValues().ToArray());
    }

    /// <summary>The import's message for the small model's file edited by <paramref name="edit"/>.</summary>
    private static string Edited(Action<ModelProto> edit)
    {
        var model = ModelProto.Parser.ParseFrom(Runtime.Bytes(OnnxExport.ToBytes(Small)));
        edit(model);
        return Message(OnnxImport.MlpFromBytes(model.ToByteArray(), "edited.onnx"));
    }

    private static string Message(Fin<Mlp> loaded) => loaded.Match(_ => throw new Xunit.Sdk.XunitException("the file was accepted"), e => e.Message);
}
