using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using LanguageExt;
using LanguageExt.Common;
using Micrograd.Functional.Files;
using static LanguageExt.Prelude;

namespace Micrograd.Functional.Tracing;

/// <summary>Renders DOT text with Graphviz's <c>dot</c> program (Debian package <c>graphviz</c>).</summary>
public static class Graphviz
{
    /// <summary>What to do when <c>dot</c> is missing.</summary>
    public const string InstallHint =
        "Graphviz's 'dot' program was not found on PATH. Install it with 'sudo apt-get install graphviz' (Debian, Ubuntu), " +
        "'brew install graphviz' (macOS) or from https://graphviz.org/download/.";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>True when a <c>dot</c> executable is on PATH.</summary>
    public static bool IsInstalled => Find() is not null;

    /// <summary>The graph as SVG text.</summary>
    /// <param name="dot">DOT text, e.g. from <see cref="Dot.Write"/>.</param>
    /// <returns>The SVG, or an error: <see cref="InstallHint"/> when dot is missing, or dot's own message.</returns>
    public static Fin<string> RenderSvg(string dot) => Run(dot, "svg").Map(Encoding.UTF8.GetString);

    /// <summary>
    /// Renders <paramref name="dot"/> into <paramref name="path"/>, in the format its extension names
    /// (.svg, .png or .pdf), written atomically.
    /// </summary>
    /// <param name="dot">DOT text.</param>
    /// <param name="path">The image file to write.</param>
    /// <returns>Unit, or an error naming what went wrong (dot's failure, or the file that could not be written).</returns>
    public static Fin<Unit> Render(string dot, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var format = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        if (format is not ("svg" or "png" or "pdf"))
        {
            return FinFail<Unit>(Error.New($"{path}: cannot tell the image format; use a .svg, .png or .pdf file name."));
        }

        return Run(dot, format).Bind(bytes =>
        {
            try
            {
                AtomicFile.Write(path, bytes);
                return FinSucc(unit);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return FinFail<Unit>(Error.New($"{path}: cannot write the image: {e.Message}"));
            }
        });
    }

    /// <summary>
    /// Runs <c>dot -T<paramref name="format"/></c> with the DOT text on its input. Each failure is named for what it is:
    /// no dot on PATH (<see cref="InstallHint"/>); a dot that cannot be started (not executable, not a program); dot's
    /// exit code with its stderr (cut to 200 characters, escaped), also when it exits before reading its input; or a
    /// dot still running after 60 s (killed).
    /// </summary>
    private static Fin<byte[]> Run(string dot, string format)
    {
        ArgumentNullException.ThrowIfNull(dot);
        var start = new ProcessStartInfo("dot", $"-T{format}")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(start)!;
            var output = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
            var errors = process.StandardError.ReadToEndAsync();
            var unread = false;
            try
            {
                process.StandardInput.Write(dot);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // dot closed its input (exited) before reading it all: its exit code and stderr say why.
                unread = true;
                CloseQuietly(process.StandardInput);
            }

            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return FinFail<byte[]>(Error.New($"Graphviz's dot did not finish within {Timeout.TotalSeconds} s."));
            }

            copy.Wait();
            return (process.ExitCode, unread) switch
            {
                (0, false) => FinSucc(output.ToArray()),
                (0, true) => FinFail<byte[]>(Error.New("Graphviz's dot exited (code 0) without reading all of its input.")),
                _ => FinFail<byte[]>(Error.New($"Graphviz's dot failed (exit {process.ExitCode}): {UntrustedText.Bounded(errors.Result.Trim())}")),
            };
        }
        catch (Win32Exception e)
        {
            return FinFail<byte[]>(Error.New(Find() is { } found ? $"Graphviz's dot at {found} could not be started: {UntrustedText.Bounded(e.Message)}" : InstallHint));
        }
    }

    /// <summary>The first <c>dot</c> file on PATH, as the process start looks for it; null when there is none.</summary>
    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, OperatingSystem.IsWindows() ? "dot.exe" : "dot"))
            .FirstOrDefault(File.Exists);

    /// <summary>Closes a writer whose reader has gone: flushing the rest fails again, and that is no news.</summary>
    private static void CloseQuietly(StreamWriter input)
    {
        try
        {
            input.Close();
        }
        catch (IOException)
        {
            // The writer is closed even so (StreamWriter closes its stream in a finally).
        }
    }
}
