namespace Micrograd.Functional.Tests.Engine;

/// <summary>
/// micrograd's own two engine tests (test/test_engine.py), with the reference numbers PyTorch
/// computes for them in double precision.
/// </summary>
public class MicrogradReferenceTests
{
    [Fact]
    public void Sanity_check_matches_pytorch()
    {
        var x = new Value(-4.0);
        var z = 2 * x + 2 + x;
        var q = z.Relu() + z * x;
        var h = (z * z).Relu();
        var y = h + q + q * x;

        var grads = y.Backward();

        Assert.Equal(-20.0, y.Data);
        Assert.Equal(46.0, grads[x]);
    }

    [Fact]
    public void Readme_expression_matches_pytorch_to_1e_12()
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

        var grads = g.Backward();

        Tolerance.Relative(24.70408163265306, g.Data, 1e-12, "g");
        Tolerance.Relative(138.83381924198252, grads[a], 1e-12, "dg/da");
        Tolerance.Relative(645.5772594752186, grads[b], 1e-12, "dg/db");
        Assert.Equal("24.7041 138.8338 645.5773", FormattableString.Invariant($"{g.Data:F4} {grads[a]:F4} {grads[b]:F4}"));
    }
}
