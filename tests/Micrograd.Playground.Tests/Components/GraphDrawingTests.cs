using Micrograd.Functional;
using Micrograd.Playground.Components;

namespace Micrograd.Playground.Tests.Components;

public class GraphDrawingTests
{
    [Fact]
    public void Every_drawn_value_gets_the_DOT_name_of_its_record_line()
    {
        var a = new Value(2.0);
        var b = new Value(-3.0);
        var c = a * b + a;
        var drawing = GraphDrawing.Of(c, c.Backward(), new Dictionary<Value, string> { [a] = "a", [b] = "b" }, 250);

        Assert.Equal(4, drawing.Names.Count); // a, b, a*b, c
        var lines = drawing.Dot.Split('\n');
        string Record(Value v) => Assert.Single(lines, l => l.TrimStart().StartsWith(drawing.NameOf(v) + " [shape=record", StringComparison.Ordinal));
        Assert.Contains("{ a | data 2.0000 | grad -2.0000 }", Record(a), StringComparison.Ordinal);
        Assert.Contains("{ b | data -3.0000 | grad 2.0000 }", Record(b), StringComparison.Ordinal);
        Assert.Contains("{ data -4.0000 | grad 1.0000 }", Record(c), StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_cut_by_the_size_bound_has_no_name()
    {
        var x = new Value(1.0);
        var y = x;
        for (var i = 0; i < 10; i++)
        {
            y = y.Tanh();
        }

        var drawing = GraphDrawing.Of(y, null, new Dictionary<Value, string>(), 3);
        Assert.Equal(3, drawing.Names.Count);
        Assert.Null(drawing.NameOf(x));
        Assert.NotNull(drawing.NameOf(y));
    }
}
