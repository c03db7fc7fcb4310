using Micrograd.Functional.Tests.Tracing;

namespace Micrograd.Functional.Tests.Demo;

/// <summary>The graph verb tells a missing dot from a dot that fails: each failure is named for what it is. (A fake dot is a shell script, so POSIX only.)</summary>
[Collection(GraphvizCollection.Name)]
public sealed class GraphFailureTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public void A_dot_that_exits_with_3_is_reported_with_its_code_and_its_stderr_not_as_missing()
    {
        var result = RunWithDot("echo 'Error: syntax error in line 1' >&2; exit 3");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("Graphviz's dot failed (exit 3): Error: syntax error in line 1", line, StringComparison.Ordinal);
        Assert.DoesNotContain("not found", line, StringComparison.Ordinal);
        Assert.True(File.Exists(_folder.File("out", "neuron.dot")));
    }

    [Fact]
    public void A_dot_that_crashes_is_reported_with_its_signal_exit_code_not_as_missing()
    {
        var result = RunWithDot("kill -SEGV $$");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("Graphviz's dot failed (exit 139)", line, StringComparison.Ordinal);
        Assert.DoesNotContain("not found", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dot_whose_stderr_floods_is_reported_in_one_bounded_line_with_control_characters_escaped()
    {
        var result = RunWithDot("printf '\\033[31m' >&2; head -c 100000 /dev/zero | tr '\\0' x >&2; exit 1");

        var line = Assert.Single(result.ErrorLines);
        Assert.InRange(line.Length, 1, 400);
        Assert.DoesNotContain('\u001b', line);
        Assert.Contains("\\u001b[31m", line, StringComparison.Ordinal);
        Assert.EndsWith("…", line, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Runs <c>graph</c> with PATH holding only a fake <c>dot</c>: a shell script with <paramref name="body"/>.</summary>
    private DemoResult RunWithDot(string body)
    {
        var bin = Directory.CreateDirectory(_folder.File("bin")).FullName;
        var dot = Path.Combine(bin, "dot");
        File.WriteAllText(dot, $"#!/bin/sh\ncat > /dev/null\n{body}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dot, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        }

        var path = Environment.GetEnvironmentVariable("PATH");
        try
        {
            Environment.SetEnvironmentVariable("PATH", $"{bin}{Path.PathSeparator}/usr/bin{Path.PathSeparator}/bin");
            return DemoProcess.Run("graph", "--out", _folder.File("out"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }
}
