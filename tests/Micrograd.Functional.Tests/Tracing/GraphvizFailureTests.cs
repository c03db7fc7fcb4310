using Micrograd.Functional.Tracing;

namespace Micrograd.Functional.Tests.Tracing;

/// <summary>
/// <see cref="Graphviz"/> says what really went wrong with dot: a dot that exists but cannot start is not "not found",
/// a dot that dies before reading its input is its exit code (never an escaped broken-pipe exception), and dot's
/// stderr is quoted bounded. (A fake dot is a file on a PATH of its own, so POSIX only.)
/// </summary>
[Collection(GraphvizCollection.Name)]
public sealed class GraphvizFailureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("micrograd-graphviz-").FullName;

    [Fact]
    public void A_dot_that_exists_but_is_not_executable_is_reported_as_unable_to_start_not_as_missing()
    {
        var message = RenderWithDot("#!/bin/sh\nexit 0\n", UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.StartsWith($"Graphviz's dot at {Path.Combine(_folder, "dot")} could not be started: ", message, StringComparison.Ordinal);
        Assert.DoesNotContain("not found", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dot_that_is_not_a_program_is_reported_as_unable_to_start_not_as_missing()
    {
        var message = RenderWithDot("\u007fELF garbage, not a program", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Assert.StartsWith($"Graphviz's dot at {Path.Combine(_folder, "dot")} could not be started: ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dot_that_exits_before_reading_its_input_is_reported_with_its_exit_code_not_a_broken_pipe()
    {
        // Far more text than a pipe buffers (64 KiB), so writing it fails once dot has gone.
        var big = "digraph { " + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"n{i}; ")) + "}";
        var message = RenderWithDot("#!/bin/sh\necho 'Error: cannot open display' >&2\nexit 4\n", Executable, big);

        Assert.Equal("Graphviz's dot failed (exit 4): Error: cannot open display", message);
    }

    [Fact]
    public void Dots_flooding_stderr_is_quoted_cut_to_200_characters_and_escaped()
    {
        var message = RenderWithDot("#!/bin/sh\ncat > /dev/null\nprintf '\\033[31m' >&2\nhead -c 100000 /dev/zero | tr '\\0' x >&2\nexit 1\n", Executable);

        Assert.StartsWith("Graphviz's dot failed (exit 1): \\u001b[31mxxx", message, StringComparison.Ordinal);
        Assert.EndsWith("…", message, StringComparison.Ordinal);
        Assert.InRange(message.Length, 1, 260);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Renders a small graph (or <paramref name="dot"/>) with PATH holding only a fake dot with <paramref name="script"/>.</summary>
    /// <remarks>A script's PATH also has /usr/bin and /bin, for the tools it calls; a dot that cannot start has PATH to itself, so no real dot is found after it.</remarks>
    private string RenderWithDot(string script, UnixFileMode mode, string dot = "digraph { a -> b }")
    {
        var fake = Path.Combine(_folder, "dot");
        File.WriteAllText(fake, script);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, mode);
        }

        var path = Environment.GetEnvironmentVariable("PATH");
        try
        {
            Environment.SetEnvironmentVariable("PATH", script.StartsWith("#!", StringComparison.Ordinal) && mode.HasFlag(UnixFileMode.UserExecute)
                ? $"{_folder}{Path.PathSeparator}/usr/bin{Path.PathSeparator}/bin"
                : _folder);
            return Graphviz.RenderSvg(dot).Match(Succ: svg => $"rendered: {svg}", Fail: e => e.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }
}
