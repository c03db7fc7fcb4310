using System.Text;

namespace Micrograd.Functional.Files;

/// <summary>Writes a file so that it is either the old one or the complete new one, never half of either.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="bytes"/> to a temporary file in the target's folder, flushes it to disk, then
    /// renames it over <paramref name="path"/> (a rename within one folder is atomic). On failure the temporary
    /// file is removed and the target is unchanged.
    /// </summary>
    /// <param name="path">The file to create or replace; its folder must exist.</param>
    /// <param name="bytes">The whole content.</param>
    /// <exception cref="IOException">The file system refused the write.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary); // nothing to delete after a successful move
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (without a byte-order mark), atomically; see <see cref="Write"/>.</summary>
    /// <param name="path">The file to create or replace; its folder must exist.</param>
    /// <param name="text">The whole content.</param>
    /// <exception cref="IOException">The file system refused the write.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static void WriteText(string path, string text) => Write(path, Encoding.UTF8.GetBytes(text));
}
