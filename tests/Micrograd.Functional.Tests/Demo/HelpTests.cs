namespace Micrograd.Functional.Tests.Demo;

/// <summary>--help describes every option and exits successfully.</summary>
public class HelpTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_exits_0_and_lists_every_option(string flag)
    {
        var result = DemoProcess.Run(flag);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        foreach (var option in new[] { "--dataset", "--classes", "--steps", "--seed", "--hidden", "--activation", "--loss", "--optimizer", "--lr", "--batch-size", "--out", "--help" })
        {
            Assert.Contains(option, result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Help_gives_each_optimizers_default_learning_rate()
    {
        var result = DemoProcess.Run("--help");
        Assert.Contains("sgd 1.0, momentum 0.1, adam 0.05", result.Out, StringComparison.Ordinal);
        Assert.Contains("[default: 16,16]", result.Out, StringComparison.Ordinal);
        Assert.Contains("[default: moons]", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_names_the_command_micrograd_as_the_installed_tool_is_called()
    {
        Assert.Contains("Usage:\n  micrograd [command] [options]", DemoProcess.Run("--help").Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Usage:\n  micrograd graph [options]", DemoProcess.Run("graph", "--help").Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
