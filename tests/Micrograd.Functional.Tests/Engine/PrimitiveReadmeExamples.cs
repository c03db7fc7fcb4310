namespace Micrograd.Functional.Tests.Engine;

/// <summary>
/// The README's snippets for the primitives, stop-gradient, custom ops and the implicit
/// conversion, verbatim between the markers (the first writes to a captured <c>console</c> where the
/// README writes to <c>Console</c>), so every snippet compiles and prints what the README says. The expected numbers are closed forms, worked out in the comments.
/// </summary>
public class PrimitiveReadmeExamples
{
    [Fact]
    public void The_primitives_snippet_prints_its_closed_form()
    {
        var output = new StringWriter();
        var console = output;

        // README: primitives
        var x = new Value(0.5);
        var w = new Value(2.0);
        var y = x.Sin() * x.Cos() + x.Sqrt() + (x - 1).Abs() + Value.Max(x, 0.0) + x.Pow(w);
        var grads = y.Backward();
        console.WriteLine($"{y.Data:F4} {grads[x]:F4} {grads[w]:F4}");   // 2.3778 2.2474 -0.1733
        // end

        // y = sin x cos x + √x + |x − 1| + max(x, 0) + xʷ = ½ sin 1 + √½ + ½ + ½ + ¼;
        // dy/dx = cos 1 + 1/(2√½) − 1 + 1 + w·x = cos 1 + √½ + 1; dy/dw = xʷ ln x = ¼ ln ½.
        var value = 0.5 * Math.Sin(1) + Math.Sqrt(0.5) + 1.25;
        var dx = Math.Cos(1) + Math.Sqrt(0.5) + 1;
        var dw = 0.25 * Math.Log(0.5);
        Assert.Equal($"{value:F4} {dx:F4} {dw:F4}", output.ToString().Trim());
        Assert.Equal("2.3778 2.2474 -0.1733", output.ToString().Trim());
    }

    [Fact]
    public void The_stop_gradient_snippet_treats_the_stopped_factor_as_a_constant()
    {
        // README: stop-gradient
        var x = new Value(3.0);
        var y = x * x.StopGradient();                 // the value is x², the gradient only through the first x
        var dydx = y.Backward()[x];                   // 3 (not 6)
        // end

        Assert.Equal((9.0, 3.0), (y.Data, dydx));
    }

    [Fact]
    public void The_custom_op_snippet_gives_softsigns_closed_forms()
    {
        // README: custom op
        var softsign = CustomOp.Unary("softsign",
            forward: x => x / (1 + Math.Abs(x)),
            derivative: x => 1 / ((1 + Math.Abs(x)) * (1 + Math.Abs(x))),
            derivativeOverValues: x => (1 + x.Abs()).Pow(-2));   // optional: makes it nestable

        var y = softsign.Apply(new Value(1.0));                     // 0.5
        var dy = y.Backward();                                       // dy/dx = 1/(1 + 1)² = 0.25
        var d2 = Ad.Grad(Ad.Grad(softsign.Apply))(new Value(1.0));  // −2/(1 + 1)³ = −0.25
        var tape = Compiler.Compile(v => softsign.Apply(v[0]), 1);  // works on the tape too
        // end

        var leaf = (Value)y.Operands[0];
        Assert.Equal((0.5, 0.25, -0.25, 0.5), (y.Data, dy[leaf], d2.Data, tape.Evaluate([1.0])));
    }

    [Fact]
    public void The_conversion_snippet_builds_constant_leaves()
    {
        // README: conversion
        Value k = 3.0;                                     // a constant leaf
        Value[] terms = [1.5, new Value(2.0, "x"), k];
        var total = terms.Aggregate(Value.Zero, (sum, t) => sum + t);   // 6.5
        // end

        Assert.Equal(6.5, total.Data);
    }
}
