using Micrograd.Demo;

namespace Micrograd.Functional.Tests.Demo;

/// <summary>A run that cannot finish says why in one line, exits non-zero, and leaves no half-written files.</summary>
public sealed class FailureTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public void Cancelling_exits_with_130_and_leaves_no_output_folder()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var output = _folder.File("cancelled");
        var code = Cli.Run(["--out", output], stdout, stderr, cancellation: new CancellationToken(canceled: true));

        Assert.Equal(ExitCode.Cancelled, code);
        Assert.Equal("error: cancelled; no files were written", stderr.ToString().TrimEnd());
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void An_output_folder_that_cannot_be_created_exits_with_1_before_training()
    {
        var file = _folder.File("a-file");
        File.WriteAllText(file, "not a folder");
        var result = DemoProcess.Run("--out", Path.Combine(file, "out"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: cannot create the output folder", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    public void Dispose() => _folder.Dispose();
}
