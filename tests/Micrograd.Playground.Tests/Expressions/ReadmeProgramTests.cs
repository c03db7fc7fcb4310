using Micrograd.Functional;
using Micrograd.Playground.Expressions;
using Micrograd.Playground.Pages;
using Micrograd.Playground.Stepping;

namespace Micrograd.Playground.Tests.Expressions;

/// <summary>micrograd's README program, typed as Python, against the same program written in C# on the library.</summary>
public sealed class ReadmeProgramTests
{
    /// <summary>The top-level README's "Example", computed directly by the library: the reference graph.</summary>
    private static (Value A, Value B, Value G) CSharpProgram()
    {
        var a = new Value(-4.0);
        var b = new Value(2.0);
        var c = a + b;
        var d = a * b + b.Pow(3);
        c += c + 1;
        c += 1 + c + (-a);
        d += d * 2 + (b + a).Relu();
        d += 3 * d + (b - a).Relu();
        var e = c - d;
        var f = e.Pow(2);
        var g = f / 2.0;
        g += 10.0 / f;
        return (a, b, g);
    }

    private static Evaluation Run(string source)
    {
        var result = Expression.Run(source);
        Assert.Null(result.Error);
        return result.Evaluation!;
    }

    private static Value Variable(Evaluation evaluation, string name) => evaluation.Variables.Single(v => v.Name == name).Value;

    [Fact]
    public void The_README_program_gives_the_same_doubles_as_the_CSharp_example_bit_for_bit()
    {
        var (a, b, g) = CSharpProgram();
        var grads = g.Backward();
        var ran = Run(Lab.ReadmeProgram);
        var typed = ran.Output.Backward();

        Assert.Equal(BitConverter.DoubleToInt64Bits(g.Data), BitConverter.DoubleToInt64Bits(ran.Output.Data));
        Assert.Equal(BitConverter.DoubleToInt64Bits(grads[a]), BitConverter.DoubleToInt64Bits(typed[Variable(ran, "a")]));
        Assert.Equal(BitConverter.DoubleToInt64Bits(grads[b]), BitConverter.DoubleToInt64Bits(typed[Variable(ran, "b")]));
    }

    [Fact]
    public void The_README_program_builds_the_CSharp_examples_graph_node_for_node()
    {
        var (_, _, g) = CSharpProgram();
        var ran = Run(Lab.ReadmeProgram);
        var expected = BackwardSteps.VisitOrder(g);
        var actual = BackwardSteps.VisitOrder(ran.Output);

        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(Shapes(expected), Shapes(actual));
        Assert.Equal(expected.Count, ran.NodeCount);
    }

    /// <summary>Each node's op, exponent, data bits and operands' places in the order: the graph itself, not just its numbers.</summary>
    private static List<string> Shapes(IReadOnlyList<Value> order)
    {
        var slot = new Dictionary<Value, int>();
        for (var i = 0; i < order.Count; i++)
        {
            slot[order[i]] = i;
        }

        return [.. order.Select(node =>
            $"{node.Op} {node.Exponent.IfNone(double.NaN)} {BitConverter.DoubleToInt64Bits(node.Data)} [{string.Join(",", node.Operands.Select(o => slot[o]))}]")];
    }

    [Fact]
    public void The_README_program_prints_micrograds_published_numbers_to_four_decimals()
    {
        var ran = Run(Lab.ReadmeProgram);
        var grads = ran.Output.Backward();

        Assert.Equal("24.7041", ran.Output.Data.ToString("F4", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("138.8338", grads[Variable(ran, "a")].ToString("F4", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("645.5773", grads[Variable(ran, "b")].ToString("F4", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_README_block_as_published_runs_with_its_import_and_print_lines_skipped_and_listed()
    {
        const string published = "from micrograd.engine import Value\n\n" + Lab.ReadmeProgram + "\nprint(f'{g.data:.4f}') # prints 24.7041\ng.backward()\nprint(f'{a.grad:.4f}') # prints 138.8338\nprint(f'{b.grad:.4f}') # prints 645.5773\n";
        var ran = Run(published);
        Assert.Equal(24.70408163265306, ran.Output.Data);
        Assert.Equal([1, 15, 17, 18], ran.Skipped.Select(s => s.Line));
        Assert.Contains("import", ran.Skipped[0].Reason, StringComparison.Ordinal);
        Assert.All(ran.Skipped.Skip(1), s => Assert.Contains("print", s.Reason, StringComparison.Ordinal));

        var named = Run(Lab.ReadmeProgram + "\ng.backward()\nh = g * 2\n");
        Assert.Equal(24.70408163265306, named.Output.Data); // backward() names the output, later lines notwithstanding
        Assert.Empty(named.Skipped);

        var inline = Expression.Run(Lab.ReadmeProgram + "\nh = g; print(g)\n").Error!; // only a whole line is skipped
        Assert.Equal((13, 8), (inline.Line, inline.Column));
        Assert.Contains("print", inline.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_variable_is_listed_once_in_order_of_first_assignment_with_its_final_value()
    {
        var ran = Run(Lab.ReadmeProgram);
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g"], ran.Variables.Select(v => v.Name));
        Assert.Same(ran.Output, Variable(ran, "g"));
        Assert.Equal("g", ran.Labels[ran.Output]);
    }
}
