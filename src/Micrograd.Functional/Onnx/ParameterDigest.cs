using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Micrograd.Functional.Onnx;

/// <summary>
/// The SHA-256 of a model's parameters as stored (little-endian doubles, or floats for a float32 export), in
/// <see cref="Nn.Mlp.Parameters"/> order, as lower-case hex: written into the metadata so that the importer
/// can tell a corrupted weight from a real one (a flipped bit in a weight is otherwise still a valid ONNX file).
/// </summary>
internal static class ParameterDigest
{
    /// <summary>The digest of <paramref name="values"/>, each rounded to a float first when <paramref name="asFloat"/>.</summary>
    internal static string Of(ReadOnlySpan<double> values, bool asFloat)
    {
        var hash = asFloat
            ? SHA256.HashData(MemoryMarshal.AsBytes(OnnxProto.ToFloats(values).AsSpan()))
            : SHA256.HashData(MemoryMarshal.AsBytes(values));
        return Convert.ToHexString(hash).ToLower(CultureInfo.InvariantCulture);
    }
}
