using Micrograd.Functional.Tests.Tracing;

namespace Micrograd.Functional.Tests.Demo;

/// <summary>The demo's graph verb: micrograd's trace_graph examples as .dot and .svg files.</summary>
[Collection(GraphvizCollection.Name)]
public class GraphCommandTests
{
    private static int Count(string file, string what) => File.ReadLines(file).Count(line => line.Contains(what));

    [GraphvizFact]
    public void Graph_writes_micrograds_two_examples_and_a_summary_of_the_demo_step()
    {
        using var folder = new TemporaryFolder();
        var result = DemoProcess.Run("graph", "--out", folder.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        var relu = folder.File("relu-expression.dot");
        var neuron = folder.File("neuron.dot");
        Assert.Equal((6, 3, 8), (Count(relu, "shape=record"), Count(relu, "_op [label"), Count(relu, "->")));
        Assert.Equal((10, 5, 14), (Count(neuron, "shape=record"), Count(neuron, "_op [label"), Count(neuron, "->")));
        foreach (var name in new[] { "relu-expression", "neuron", "moons-step" })
        {
            Assert.StartsWith("<?xml", File.ReadAllText(folder.File(name + ".svg")));
        }

        Assert.StartsWith("65,818 nodes (741 leaves)", File.ReadAllText(folder.File("moons-step-summary.txt")));
    }

    [Fact]
    public void Without_dot_graph_still_writes_the_dot_files_and_says_how_to_install_it()
    {
        using var folder = new TemporaryFolder();
        var path = Environment.GetEnvironmentVariable("PATH");
        DemoResult result;
        try
        {
            Environment.SetEnvironmentVariable("PATH", folder.Path);
            result = DemoProcess.Run("graph", "--out", folder.Path);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("apt-get install graphviz", Assert.Single(result.ErrorLines));
        Assert.True(File.Exists(folder.File("relu-expression.dot")));
        Assert.True(File.Exists(folder.File("neuron.dot")));
        Assert.False(File.Exists(folder.File("neuron.svg")));
    }
}
