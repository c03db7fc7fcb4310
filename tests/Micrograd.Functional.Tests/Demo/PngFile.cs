using System.Buffers.Binary;

namespace Micrograd.Functional.Tests.Demo;

/// <summary>The facts about a PNG file that its first 24 bytes give: its signature and its IHDR chunk's size.</summary>
public static class PngFile
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// Asserts that <paramref name="path"/> is a PNG file: the 8-byte signature, then the IHDR chunk (length 13) first,
    /// and returns the width and height it declares (big-endian, at bytes 16 and 20).
    /// </summary>
    /// <param name="path">The file.</param>
    public static (int Width, int Height) ReadSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 33, $"{path} has {bytes.Length} bytes, too few for a PNG file");
        Assert.Equal(Signature, bytes[..8]);
        Assert.Equal(13, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8)));
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
