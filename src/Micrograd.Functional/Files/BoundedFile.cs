namespace Micrograd.Functional.Files;

/// <summary>
/// Reads a whole file with a bound on its size, so a device or an endless stream (<c>/dev/zero</c>, <c>/dev/urandom</c>)
/// stops at the bound with an <see cref="IOException"/> naming it, instead of filling memory until an
/// <see cref="OutOfMemoryException"/> escapes (which <see cref="File.ReadAllBytes(string)"/> does on such a file).
/// </summary>
internal static class BoundedFile
{
    /// <summary>The file's bytes, read to its end.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The most bytes read; a file with more is refused.</param>
    /// <exception cref="IOException">The file has more than <paramref name="maxBytes"/> bytes, or cannot be read.</exception>
    public static byte[] ReadAllBytes(string path, long maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var bytes = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (bytes.Length + read > maxBytes)
            {
                throw new IOException(FormattableString.Invariant($"the file is larger than {maxBytes:N0} bytes, the most this reader takes (or it is a device or a stream with no end)"));
            }

            bytes.Write(chunk, 0, read);
        }

        return bytes.ToArray();
    }
}
