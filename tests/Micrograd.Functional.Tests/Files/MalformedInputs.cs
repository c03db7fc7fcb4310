using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Micrograd.Functional.Tests.Files;

/// <summary>A malformed file's bytes, with the way they were made (shown when a property fails).</summary>
/// <param name="Kind">How the bytes were made, e.g. "truncated at 17 of 40 bytes".</param>
/// <param name="Bytes">The file's contents.</param>
public sealed record MalformedFile(string Kind, byte[] Bytes)
{
    /// <summary>The kind and the first 300 bytes, control characters escaped, so a failing case can be read.</summary>
    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Bytes, 0, Math.Min(Bytes.Length, 300));
        var escaped = string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return $"{Kind} ({Bytes.Length} bytes): {escaped}{(Bytes.Length > 300 ? "…" : "")}";
    }
}

/// <summary>
/// Generators of hostile files for the readers' properties, made from valid files by the mutations a fuzzer and a
/// damaged disk make: cutting, flipping bits, random bytes, deep nesting and out-of-range numbers.
/// </summary>
public static class MalformedInputs
{
    /// <summary><paramref name="valid"/> cut at a random length shorter than the whole.</summary>
    public static Gen<MalformedFile> Truncated(Gen<byte[]> valid) =>
        from bytes in valid.Where(b => b.Length > 0)
        from length in Gen.Choose(0, bytes.Length - 1)
        select new MalformedFile($"truncated at {length} of {bytes.Length} bytes", bytes[..length]);

    /// <summary><paramref name="valid"/> with 1 to 8 random bits flipped.</summary>
    public static Gen<MalformedFile> BitFlipped(Gen<byte[]> valid) =>
        from bytes in valid.Where(b => b.Length > 0)
        from flips in Gen.Choose(0, bytes.Length * 8 - 1).ArrayOf().Where(f => f.Length is >= 1 and <= 8)
        select new MalformedFile($"bits {string.Join(',', flips)} flipped", Flip(bytes, flips));

    /// <summary>0 to 2,000 uniformly random bytes.</summary>
    public static Gen<MalformedFile> RandomBytes =>
        from length in Gen.Choose(0, 2000)
        from bytes in Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(length)
        select new MalformedFile("random bytes", bytes);

    /// <summary>A number no double holds: above 1.8e308 in magnitude, written in several ways, or not a number at all.</summary>
    public static Gen<string> HugeNumbers =>
        Gen.OneOf(
            from exponent in Gen.Choose(309, 100_000)
            from sign in Gen.Elements("", "-")
            select $"{sign}1e{exponent.ToString(CultureInfo.InvariantCulture)}",
            from digits in Gen.Choose(310, 5000)
            select "9" + new string('7', digits),
            Gen.Elements("Infinity", "-Infinity", "NaN", "1.8e308", "-1.8e308", "∞"));

    /// <summary>UTF-8 bytes of <paramref name="text"/>.</summary>
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Flip(byte[] bytes, int[] bits)
    {
        var flipped = (byte[])bytes.Clone();
        foreach (var bit in bits)
        {
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
        }

        return flipped;
    }
}
