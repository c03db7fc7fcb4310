using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Micrograd.Demo.Artifacts;

/// <summary>
/// The <c>--out</c> folder, replaced as a whole: the files are written into a staging folder beside it (same
/// parent, so the same file system, where a rename is atomic), and the finished set is moved into place at the
/// end. A reader sees the old set or the whole new one, never a mix; a failure, a cancel or a divergence leaves
/// the old set (or no folder at all) and no staging folder.
/// </summary>
/// <remarks>
/// POSIX has no atomic swap of two non-empty folders, so <see cref="Replace{T}"/> renames the old folder to a
/// backup, renames the staging folder to <c>--out</c>, then deletes the backup. Between the two renames (two
/// system calls, microseconds) a reader finds no <c>--out</c> folder at all: it can miss the set, but it never
/// sees half of one or old files beside new ones. If the second rename fails the backup is renamed back. A
/// kill -9 during writing leaves a hidden <c>.NAME.staging-…</c> folder beside <c>--out</c> (never inside it),
/// and one between the renames leaves the old set as <c>.NAME.old-…</c>; nothing can clean up after kill -9.
/// </remarks>
public sealed class OutputFolder : IDisposable
{
    private readonly string _path;
    private readonly string? _createdRoot;
    private bool _replaced;

    private OutputFolder(string path, string? createdRoot)
    {
        _path = path;
        _createdRoot = createdRoot;
    }

    /// <summary>
    /// Checks that <paramref name="path"/> can take the artifact set and creates its missing parent folders (removed
    /// again on <see cref="Dispose"/> unless the set was written). An existing folder may hold only files the demo
    /// writes, since replacing it deletes everything in it.
    /// </summary>
    /// <param name="path">The <c>--out</c> folder.</param>
    /// <param name="ownNames">The names of the files the demo writes there.</param>
    /// <returns>The prepared folder; or an error: <see cref="ExitCode.Usage"/> when the folder holds other files or is a file, else <see cref="ExitCode.Failure"/>.</returns>
    public static Fin<OutputFolder> Prepare(string path, IReadOnlyCollection<string> ownNames)
    {
        ArgumentNullException.ThrowIfNull(ownNames);
        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
            if (Path.GetDirectoryName(full) is null)
            {
                return Refuse(ExitCode.Usage, $"--out cannot be the root folder '{full}'");
            }

            var here = Path.TrimEndingDirectorySeparator(Environment.CurrentDirectory);
            if (here == full || here.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return Refuse(ExitCode.Usage, $"--out '{path}' is the current folder or holds it, and the demo replaces the whole --out folder; choose a folder inside it, such as artifacts/run");
            }

            if (File.Exists(full))
            {
                return Refuse(ExitCode.Usage, $"--out '{path}' is a file, not a folder");
            }

            if (Directory.Exists(full))
            {
                var foreign = Directory.EnumerateFileSystemEntries(full).Select(Path.GetFileName).FirstOrDefault(name => !ownNames.Contains(name));
                return foreign is null
                    ? new OutputFolder(full, null)
                    : Refuse(ExitCode.Usage, $"--out '{path}' holds '{foreign}', which the demo did not write; the demo replaces the whole folder, so choose a new folder or one it wrote");
            }

            var missing = Path.GetDirectoryName(full)!;
            string? createdRoot = null;
            for (; !Directory.Exists(missing); missing = Path.GetDirectoryName(missing)!)
            {
                createdRoot = missing;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            return new OutputFolder(full, createdRoot);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Refuse(ExitCode.Failure, $"cannot create the output folder '{path}': {e.Message}");
        }
    }

    /// <summary>
    /// Runs <paramref name="writeInto"/> on a new staging folder beside the output folder, then moves the staging
    /// folder into place as the whole new set. On any failure the staging folder is deleted and the old set is left as it was.
    /// </summary>
    /// <typeparam name="T">What the writer returns.</typeparam>
    /// <param name="writeInto">Writes the whole set into the folder it is given; may fail or throw an I/O exception.</param>
    /// <returns>The writer's result, or an error naming the output folder and the cause.</returns>
    public Fin<T> Replace<T>(Func<string, Fin<T>> writeInto)
    {
        ArgumentNullException.ThrowIfNull(writeInto);
        var name = Path.GetFileName(_path);
        var parent = Path.GetDirectoryName(_path)!;
        var staging = Path.Combine(parent, $".{name}.staging-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            var written = writeInto(staging);
            if (written.Case is Error error)
            {
                return FinFail<T>(Error.New(Failed(error.Message)));
            }

            MoveIntoPlace(staging, Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}"));
            _replaced = true;
            return written;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return FinFail<T>(Error.New(Failed(e.Message)));
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Removes the parent folders <see cref="Prepare"/> created when no set was written into them (and they are still empty).</summary>
    public void Dispose()
    {
        if (_replaced || _createdRoot is null)
        {
            return;
        }

        for (var folder = Path.GetDirectoryName(_path)!; folder.Length >= _createdRoot.Length; folder = Path.GetDirectoryName(folder)!)
        {
            if (!Directory.Exists(folder) || Directory.EnumerateFileSystemEntries(folder).Any())
            {
                return;
            }

            Directory.Delete(folder);
        }
    }

    /// <summary>old → backup, staging → out, delete backup; puts the backup back if the second rename fails.</summary>
    private void MoveIntoPlace(string staging, string backup)
    {
        if (!Directory.Exists(_path))
        {
            Directory.Move(staging, _path);
            return;
        }

        Directory.Move(_path, backup);
        try
        {
            Directory.Move(staging, _path);
        }
        catch
        {
            Directory.Move(backup, _path);
            throw;
        }

        try
        {
            Directory.Delete(backup, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The new set is in place; an old copy that cannot be deleted is left hidden beside it, not mixed into it.
        }
    }

    private string Failed(string cause) =>
        $"cannot write the files into '{_path}' ({(Directory.Exists(_path) ? "the old files are unchanged" : "no folder was left")}): {cause}";

    private static Fin<OutputFolder> Refuse(int exitCode, string message) => FinFail<OutputFolder>(Error.New(exitCode, message));
}
