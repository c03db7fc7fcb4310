namespace Micrograd.Functional.Tests.Demo;

/// <summary>A wrong command line exits with code 2 and one line on standard error that names the problem, never help or a stack trace.</summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Theory]
    [InlineData("--steps abc", "--steps must be a whole number of at least 1, not 'abc'")]
    [InlineData("--steps -5", "--steps must be a whole number of at least 1, not '-5'")]
    [InlineData("--steps 0", "--steps must be a whole number of at least 1, not '0'")]
    [InlineData("--seed -1", "--seed must be a whole number of at least 0, not '-1'")]
    [InlineData("--bogus", "unknown option or argument '--bogus'")]
    [InlineData("moons", "unknown option or argument 'moons'")]
    [InlineData("--dataset spirals", "--dataset must be moons, circles, blobs or csv:PATH, not 'spirals'")]
    [InlineData("--hidden 16,,x", "--hidden must be layer widths like 16,16")]
    [InlineData("--hidden 0", "not '0'")]
    [InlineData("--activation swish", "--activation must be relu, tanh, sigmoid or linear, not 'swish'")]
    [InlineData("--loss l1", "--loss must be hinge, mse, bce or ce, not 'l1'")]
    [InlineData("--optimizer rmsprop", "--optimizer must be sgd, momentum or adam, not 'rmsprop'")]
    [InlineData("--lr -0.1", "--lr must be a number greater than 0")]
    [InlineData("--lr NaN", "--lr must be a number greater than 0")]
    [InlineData("--batch-size 0", "--batch-size must be a whole number of at least 1, not '0'")]
    [InlineData("--batch-size 101", "--batch-size must be at most the number of rows of 'moons' (100), not 101")]
    [InlineData("--steps", "--steps")]
    public void A_bad_argument_exits_with_code_2_and_one_line_that_names_it(string arguments, string expected)
    {
        var result = DemoProcess.Run([.. arguments.Split(' '), "--out", _folder.File("out")]);
        AssertUsageError(result, expected);
    }

    [Fact]
    public void A_missing_csv_file_is_a_usage_error_that_names_the_file()
    {
        var missing = _folder.File("no-such.csv");
        var result = DemoProcess.Run("--dataset", $"csv:{missing}", "--out", _folder.File("out"));
        AssertUsageError(result, $"{missing}: no such file");
    }

    [Fact]
    public void A_malformed_csv_file_is_a_usage_error_that_shows_file_and_line()
    {
        var bad = _folder.File("bad.csv");
        File.WriteAllText(bad, "x1,x2,label\n0.5,1.5,1\n0.25,oops,0\n");
        var result = DemoProcess.Run("--dataset", $"csv:{bad}", "--out", _folder.File("out"));
        AssertUsageError(result, $"{bad}:3: field 2 (\"oops\") is not a number");
    }

    [Fact]
    public void A_usage_error_writes_no_files()
    {
        var result = DemoProcess.Run("--steps", "abc", "--out", _folder.File("out"));
        Assert.Equal(2, result.ExitCode);
        Assert.False(Directory.Exists(_folder.File("out")));
    }

    public void Dispose() => _folder.Dispose();

    private static void AssertUsageError(DemoResult result, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }
}
