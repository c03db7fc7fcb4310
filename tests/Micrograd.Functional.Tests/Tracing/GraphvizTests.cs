using System.Xml.Linq;
using Micrograd.Functional.Nn;
using Micrograd.Functional.Tracing;

namespace Micrograd.Functional.Tests.Tracing;

/// <summary>Every produced drawing is accepted by Graphviz's dot; a missing dot gives a clear message.</summary>
[Collection(GraphvizCollection.Name)]
public sealed class GraphvizTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("micrograd-graphviz-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Drawings of several shapes: tiny, labelled, every op, cut to a bound.</summary>
    public static IEnumerable<string> Drawings()
    {
        var x = new Value(1.0, "x");
        var y = (x * 2 + 1).Relu();
        yield return Dot.Write(y, y.Backward());
        var neuron = new Neuron([new Value(0.3), new Value(-0.6)], new Value(0.1), Activation.Tanh);
        var n = neuron.Forward([new Value(1.0, "x1 {weird|label}"), new Value(-2.0)]);
        yield return Dot.Write(n, n.Backward(), new DotOptions { RankDirection = RankDirection.TopToBottom });
        var all = ((x.Pow(2) / x).Exp().Log().Sigmoid().Softplus() - x).Tanh();
        yield return Dot.Write(all, all.Backward());
        var mlp = Mlp.Create(2, [4, 4, 1], seed: 1);
        var m = mlp.Forward([0.5, -0.5])[0];
        yield return Dot.Write(m, m.Backward(), new DotOptions { MaxNodes = 20 });
    }

    [GraphvizFact]
    public void Dot_accepts_every_drawing_and_renders_svg()
    {
        foreach (var dot in Drawings())
        {
            var svg = Graphviz.RenderSvg(dot).Match(Succ: s => s, Fail: e => throw new Xunit.Sdk.XunitException(e.Message));
            Assert.Equal("svg", XDocument.Parse(svg).Root!.Name.LocalName);
        }
    }

    [GraphvizFact]
    public void Render_writes_svg_and_png_files_by_extension()
    {
        var dot = Drawings().First();
        Assert.True(Graphviz.Render(dot, Path.Combine(_folder, "g.svg")).IsSucc);
        Assert.True(Graphviz.Render(dot, Path.Combine(_folder, "g.png")).IsSucc);
        Assert.StartsWith("<?xml", File.ReadAllText(Path.Combine(_folder, "g.svg")));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(Path.Combine(_folder, "g.png"))[..4]);
    }

    [GraphvizFact]
    public void Invalid_dot_text_gives_dots_own_message()
    {
        var message = Graphviz.RenderSvg("digraph { a -> }").Match(Succ: _ => "", Fail: e => e.Message);
        Assert.StartsWith("Graphviz's dot failed (exit 1): ", message);
        Assert.Contains("syntax error", message);
    }

    [GraphvizFact]
    public void Render_writes_a_pdf_for_a_pdf_file_name()
    {
        var path = Path.Combine(_folder, "g.pdf");
        Assert.True(Graphviz.Render(Drawings().First(), path).IsSucc);
        Assert.Equal("%PDF"u8.ToArray(), File.ReadAllBytes(path)[..4]);
    }

    [GraphvizFact]
    public void A_drawing_larger_than_a_pipes_buffer_is_rendered_whole()
    {
        var mlp = Mlp.Create(2, [16, 16, 1], seed: 1);
        var m = mlp.Forward([0.5, -0.5])[0];
        var svg = Graphviz.RenderSvg(Dot.Write(m, m.Backward(), new DotOptions { MaxNodes = 2_000 })).Match(Succ: s => s, Fail: e => throw new Xunit.Sdk.XunitException(e.Message));
        Assert.True(svg.Length > 256 * 1024, $"the SVG has {svg.Length} characters");
        Assert.Equal("svg", XDocument.Parse(svg).Root!.Name.LocalName); // cut short, it would not parse
    }

    [Fact]
    public void Null_dot_text_or_path_is_rejected_by_name()
    {
        Assert.Equal("dot", Assert.Throws<ArgumentNullException>(() => Graphviz.RenderSvg(null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => Graphviz.Render("digraph { }", null!)).ParamName);
    }

    [Fact]
    public void IsInstalled_is_true_exactly_when_the_dot_program_can_be_started()
    {
        bool canStart;
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dot", "-V") { RedirectStandardError = true, UseShellExecute = false })!;
            process.WaitForExit();
            canStart = true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            canStart = false;
        }

        Assert.Equal(canStart, Graphviz.IsInstalled);
    }

    [Fact]
    public void An_unknown_image_extension_is_an_error_naming_the_file()
    {
        var path = Path.Combine(_folder, "g.bmp");
        var message = Graphviz.Render("digraph { }", path).Match(Succ: _ => "", Fail: e => e.Message);
        Assert.Equal($"{path}: cannot tell the image format; use a .svg, .png or .pdf file name.", message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Without_dot_on_path_the_error_says_how_to_install_it()
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        try
        {
            Environment.SetEnvironmentVariable("PATH", _folder);
            Assert.False(Graphviz.IsInstalled);
            var message = Graphviz.RenderSvg("digraph { }").Match(Succ: _ => "", Fail: e => e.Message);
            Assert.Equal(Graphviz.InstallHint, message);
            Assert.Contains("apt-get install graphviz", message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }
}

/// <summary>Tests that run dot or change PATH run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class GraphvizCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Graphviz";
}
