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
    public static bool IsInstalled =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, OperatingSystem.IsWindows() ? "dot.exe" : "dot")));

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
    /// <returns>Unit, or an error naming what went wrong.</returns>
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
            AtomicFile.Write(path, bytes);
            return FinSucc(unit);
        });
    }

    /// <summary>Runs <c>dot -T<paramref name="format"/></c> with the DOT text on its input.</summary>
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
            process.StandardInput.Write(dot);
            process.StandardInput.Close();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return FinFail<byte[]>(Error.New($"Graphviz's dot did not finish within {Timeout.TotalSeconds} s."));
            }

            copy.Wait();
            return process.ExitCode == 0
                ? FinSucc(output.ToArray())
                : FinFail<byte[]>(Error.New($"Graphviz's dot failed (exit {process.ExitCode}): {errors.Result.Trim()}"));
        }
        catch (Win32Exception)
        {
            return FinFail<byte[]>(Error.New(InstallHint));
        }
    }
}
