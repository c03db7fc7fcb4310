using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Micrograd.Functional.Onnx;

/// <summary>Small builders over the ONNX protobuf classes (OnnxSharp's <c>Onnx</c> namespace): tensors, typed names, nodes and the model around a graph.</summary>
internal static class OnnxProto
{
    /// <summary>A typed tensor name for a graph input or output; a string dimension is symbolic (e.g. the batch "N").</summary>
    internal static ValueInfoProto Tensor(string name, DataType type, params object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
        {
            shape.Dim.Add(d is string symbol
                ? new TensorShapeProto.Types.Dimension { DimParam = symbol }
                : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(d, System.Globalization.CultureInfo.InvariantCulture) });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    /// <summary>Each double rounded to the nearest float, as a float32 export stores (and digests) the parameters.</summary>
    internal static float[] ToFloats(ReadOnlySpan<double> data)
    {
        var floats = new float[data.Length];
        for (var i = 0; i < floats.Length; i++)
        {
            floats[i] = (float)data[i];
        }

        return floats;
    }

    /// <summary>An initializer of doubles, or of floats (each double rounded to the nearest float), stored little-endian in <c>raw_data</c>.</summary>
    internal static TensorProto Initializer(string name, ReadOnlySpan<double> data, bool asFloat, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)(asFloat ? DataType.Float : DataType.Double) };
        tensor.Dims.AddRange(dims);
        if (asFloat)
        {
            tensor.RawData = LittleEndian(MemoryMarshal.AsBytes(ToFloats(data).AsSpan()));
        }
        else
        {
            tensor.RawData = LittleEndian(MemoryMarshal.AsBytes(data));
        }

        return tensor;
    }

    /// <summary>A node of operator <paramref name="op"/> (default domain) with its inputs, outputs and attributes.</summary>
    internal static NodeProto Node(string op, string name, string[] inputs, string[] outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        return node;
    }

    /// <summary>An integer attribute.</summary>
    internal static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>The model around <paramref name="graph"/>: IR version, opset, producer and metadata.</summary>
    internal static ModelProto Model(GraphProto graph, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var model = new ModelProto
        {
            IrVersion = OnnxExport.IrVersion,
            ProducerName = OnnxExport.ProducerName,
            ProducerVersion = typeof(OnnxProto).Assembly.GetName().Version?.ToString() ?? "",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OnnxExport.Opset });
        foreach (var (key, value) in metadata)
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return model;
    }

    /// <summary>The bytes as ONNX stores raw data: little-endian (this library runs on little-endian machines only, as .NET does on x64 and Arm64).</summary>
    private static ByteString LittleEndian(ReadOnlySpan<byte> bytes) =>
        BitConverter.IsLittleEndian ? ByteString.CopyFrom(bytes) : throw new PlatformNotSupportedException("ONNX raw data is little-endian; this machine is big-endian.");
}
