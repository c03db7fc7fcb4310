using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Google.Protobuf;
using Micrograd.Functional.Nn;
using Onnx;

namespace Micrograd.Functional.Onnx.Tests;

/// <summary>
/// Every failure of the ONNX reader is one bounded, printable line, as for the library's other readers: at most 400
/// characters and no control character, whatever names, types or bytes the file holds.
/// </summary>
public class OnnxFailureMessageBoundProperties
{
    private static readonly byte[] Valid = Runtime.Bytes(OnnxExport.ToBytes(Mlp.Create(2, [3, 1], seed: 9)));

    /// <summary>Where a file's own text reaches a message: names the reader quotes when they are not what it expects.</summary>
    private static readonly Action<ModelProto, string>[] Edits =
    [
        (m, t) => m.Graph.Node[0].Input[1] = t,          // a weight that is not an initializer
        (m, t) => m.Graph.Node[1].OpType = t,            // an unknown activation
        (m, t) => m.Graph.Node[0].Domain = t,            // another operator domain
        (m, t) => m.Graph.Output[0].Name = t,            // an output that is not the last layer's
        (m, t) => m.MetadataProps[0].Value = t,          // an architecture that disagrees with the graph
        (m, t) => m.Graph.Node[0].Attribute[0].Name = t, // an unknown Gemm attribute
    ];

    /// <summary>The valid file cut, bit-flipped, replaced by random bytes, or with one name made 300 to 100,000 letters, escapes, NULs or newlines.</summary>
    private static Gen<(string What, byte[] Bytes)> Hostile() => Gen.OneOf(
        from cut in Gen.Choose(0, Valid.Length - 1) select ($"cut at {cut}", Valid[..cut]),
        from bit in Gen.Choose(0, 8 * Valid.Length - 1) select ($"bit {bit} flipped", Flip(bit)),
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)) select ($"{bytes.Length} random bytes", bytes),
        from edit in Gen.Choose(0, Edits.Length - 1)
        from n in Gen.Choose(300, 100_000)
        from c in Gen.Elements('x', '\u001b', '\u0000', '\n')
        select ($"edit {edit}: {n} x '{c}'", Edited(edit, new string(c, n))));

    [Property(MaxTest = 300)]
    public Property Every_onnx_failure_message_is_at_most_400_characters_with_no_control_characters() =>
        Prop.ForAll(Hostile().ToArbitrary(), file =>
            OnnxImport.MlpFromBytes(file.Bytes, "/tmp/model.onnx").IfFail(e =>
                Assert.True(e.Message.Length <= 400 && !e.Message.Any(char.IsControl) && e.Message.StartsWith("/tmp/model.onnx: "), $"{file.What}: {e.Message[..Math.Min(300, e.Message.Length)]}")));

    private static byte[] Flip(int bit)
    {
        var bytes = (byte[])Valid.Clone();
        bytes[bit / 8] ^= (byte)(1 << (bit % 8));
        return bytes;
    }

    private static byte[] Edited(int edit, string text)
    {
        var model = ModelProto.Parser.ParseFrom(Valid);
        Edits[edit](model, text);
        return model.ToByteArray();
    }
}
