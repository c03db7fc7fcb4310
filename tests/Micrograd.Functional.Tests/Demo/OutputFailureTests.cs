using System.Text;
using Micrograd.Demo;

namespace Micrograd.Functional.Tests.Demo;

/// <summary>Standard output that fails (a full device, a closed pipe) does not abort training or the writing of the files.</summary>
public sealed class OutputFailureTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Theory]
    [InlineData(false, "IOException: No space left on device")] // > /dev/full
    [InlineData(true, "UnauthorizedAccessException: Access to the path is denied.")] // >&- (a closed descriptor)
    public void A_failing_standard_output_still_trains_writes_every_file_exits_0_and_warns_once_on_stderr(bool closed, string cause)
    {
        var output = _folder.File("out");
        using var stdout = new FailingWriter(closed);
        using var stderr = new StringWriter();

        var code = Cli.Run(["--steps", "3", "--hidden", "2", "--out", output], stdout, stderr);

        Assert.Equal(ExitCode.Success, code);
        Assert.Equal(4, Directory.GetFiles(output).Length);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"warning: standard output failed ({cause}), so some output was not shown; the command finished", line.TrimEnd('\r'));
    }

    [Fact]
    public void Failing_standard_output_and_standard_error_together_still_finish_the_run_with_its_exit_code()
    {
        var output = _folder.File("out");
        using var failing = new FailingWriter(closed: false);

        Assert.Equal(ExitCode.Success, Cli.Run(["--steps", "2", "--hidden", "2", "--out", output], failing, failing));
        Assert.Equal(4, Directory.GetFiles(output).Length);
        Assert.Equal(ExitCode.Usage, Cli.Run(["--steps", "abc"], failing, failing));
    }

    [Fact]
    public void A_response_file_is_not_expanded_so_at_file_is_an_unknown_argument()
    {
        var file = _folder.File("options.txt");
        File.WriteAllText(file, "hello world\n");

        var result = DemoProcess.Run($"@{file}", "--out", _folder.File("out"));

        Assert.Equal(ExitCode.Usage, result.ExitCode);
        Assert.StartsWith($"error: unknown option or argument '@{file}'", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>A writer whose every write fails as a full disk does, or as .NET's console does on a closed descriptor.</summary>
    private sealed class FailingWriter(bool closed) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) =>
            throw (closed ? new UnauthorizedAccessException("Access to the path is denied.") : new IOException("No space left on device"));
    }
}
