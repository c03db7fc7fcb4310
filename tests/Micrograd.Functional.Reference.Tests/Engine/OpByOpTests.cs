using Micrograd.Functional.Reference.Tests.Torch;
using Micrograd.Functional.Tests.Engine;
using TorchSharp;
using static Micrograd.Functional.Reference.Tests.Torch.Tolerance;
using static TorchSharp.torch;

namespace Micrograd.Functional.Reference.Tests.Engine;

/// <summary>
/// Each operation alone, at chosen points, against PyTorch: the value and the derivative with
/// respect to each operand agree within 1e-10 relative. The points stay where the op is defined
/// and differentiable, except ReLU at 0, where both engines say the derivative is 0.
/// </summary>
public class OpByOpTests
{
    /// <summary>The exponents Pow is checked with: integers of both signs, fractions, 0 and 1.</summary>
    public static readonly double[] Exponents = [0, 1, 2, 3, 10, -1, -2, -3, 0.5, 1.5, 2.5, -0.5, -1.5];

    public static TheoryData<GraphOp, double, double> Binary()
    {
        var data = new TheoryData<GraphOp, double, double>();
        (double A, double B)[] points = [(1.5, -2.25), (0.1, 0.2), (-3, 3), (0, 4.5), (1e10, 1e-5), (-0.001, -7.25)];
        foreach (var op in new[] { GraphOp.Add, GraphOp.Sub, GraphOp.Mul })
        {
            foreach (var (a, b) in points)
            {
                data.Add(op, a, b);
            }
        }

        foreach (var (a, b) in new[] { (1.0, 3.0), (-2.5, 0.4), (7.0, -0.001), (1e-3, 1e3), (0.0, 2.0), (-1e6, -3.0) })
        {
            data.Add(GraphOp.Div, a, b);
        }

        return data;
    }

    public static TheoryData<GraphOp, double> Unary() => new()
    {
        { GraphOp.Neg, -1.5 }, { GraphOp.Neg, 0 }, { GraphOp.Neg, 2e8 },
        { GraphOp.Relu, -2 }, { GraphOp.Relu, -1e-3 }, { GraphOp.Relu, 0 }, { GraphOp.Relu, 1e-3 }, { GraphOp.Relu, 3.5 },
        { GraphOp.Tanh, -3 }, { GraphOp.Tanh, -0.5 }, { GraphOp.Tanh, 0 }, { GraphOp.Tanh, 0.5 }, { GraphOp.Tanh, 3 }, { GraphOp.Tanh, 8 },
        { GraphOp.Exp, -5 }, { GraphOp.Exp, 0 }, { GraphOp.Exp, 1 }, { GraphOp.Exp, 5 }, { GraphOp.Exp, 20 },
        { GraphOp.Log, 1e-3 }, { GraphOp.Log, 0.5 }, { GraphOp.Log, 1 }, { GraphOp.Log, 2 }, { GraphOp.Log, 1e6 },
        { GraphOp.Sigmoid, -30 }, { GraphOp.Sigmoid, -3 }, { GraphOp.Sigmoid, 0 }, { GraphOp.Sigmoid, 0.7 }, { GraphOp.Sigmoid, 3 }, { GraphOp.Sigmoid, 30 },
        // torch's softplus is linear above its threshold of 20: at 25 it returns 25, 5.6e-13 below ln(1 + e²⁵).
        { GraphOp.Softplus, -30 }, { GraphOp.Softplus, -3 }, { GraphOp.Softplus, 0 }, { GraphOp.Softplus, 0.7 },
        { GraphOp.Softplus, 3 }, { GraphOp.Softplus, 19.5 }, { GraphOp.Softplus, 25 },
    };

    public static TheoryData<double, double> Powers()
    {
        var data = new TheoryData<double, double>();
        foreach (var p in Exponents)
        {
            foreach (var x in new[] { 0.3, 1.0, 1.7, 4.0 })
            {
                data.Add(x, p);
            }

            // A negative base is defined for integer exponents only.
            if (p == Math.Floor(p))
            {
                data.Add(-1.3, p);
            }
        }

        data.Add(0.0, 0);   // 0⁰ = 1, and both engines take its derivative to be 0
        data.Add(0.0, 2);
        data.Add(0.0, 3);
        return data;
    }

    [Theory]
    [MemberData(nameof(Binary))]
    public void A_binary_op_and_both_partial_derivatives_match_torch(GraphOp op, double a, double b) =>
        Compare(op, a, b, 0);

    [Theory]
    [MemberData(nameof(Unary))]
    public void A_unary_op_and_its_derivative_match_torch(GraphOp op, double a) =>
        Compare(op, a, 1.0, 0);

    [Theory]
    [MemberData(nameof(Powers))]
    public void Pow_and_its_derivative_match_torch(double x, double p) =>
        Compare(GraphOp.Pow, x, 1.0, p);

    [Theory]
    [InlineData(GraphOp.Add, 1.25)]
    [InlineData(GraphOp.Sub, 1.25)]
    [InlineData(GraphOp.Mul, -1.25)]
    [InlineData(GraphOp.Div, 3.5)]
    public void An_op_on_one_node_twice_sums_both_paths_as_torch_does(GraphOp op, double x)
    {
        var leaf = new Value(x);
        var y = RandomGraph.Apply(op, leaf, leaf, 0);
        var grads = y.Backward();

        var reference = TorchReference.Derivatives(t => TorchReference.Apply(op, t[0], t[0], 0), [x]);
        AssertClose(reference.Value, y.Data, $"{op}(x, x) at {x}");
        AssertClose(reference.Gradient[0], grads[leaf], $"d{op}(x, x)/dx at {x}");
    }

    [Fact]
    public void Relu_has_derivative_zero_at_zero_in_both_engines()
    {
        var x = new Value(0.0);
        Assert.Equal(0.0, x.Relu().Backward()[x]);
        Assert.Equal(0.0, TorchReference.Derivatives(t => nn.functional.relu(t[0]), [0.0]).Gradient[0]);
    }

    [Fact]
    public void Micrograds_readme_expression_matches_torch()
    {
        // micrograd's README example (its test_more_ops), in both engines.
        var a = new Value(-4.0);
        var b = new Value(2.0);
        var g = ReadmeExpression(a, b);
        var grads = g.Backward();

        var reference = TorchReference.Derivatives(x => ReadmeExpression(x[0], x[1]), [-4.0, 2.0]);
        AssertClose(reference.Value, g.Data, "g");
        AssertClose(reference.Gradient[0], grads[a], "dg/da");
        AssertClose(reference.Gradient[1], grads[b], "dg/db");
        AssertClose(24.70408163265306, reference.Value, "torch's g against PyTorch's printed value");
    }

    private static Value ReadmeExpression(Value a, Value b)
    {
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
        return g;
    }

    private static Tensor ReadmeExpression(Tensor a, Tensor b)
    {
        var c = a + b;
        var d = a * b + b.pow(3);
        c = c + (c + 1);                 // c += c + 1, operand for operand
        c = c + (1 + c + (-a));
        d = d + (d * 2 + nn.functional.relu(b + a));
        d = d + (3 * d + nn.functional.relu(b - a));
        var e = c - d;
        var f = e.pow(2);
        var g = f / 2.0;
        g = g + 10.0 / f;
        return g;
    }

    private static void Compare(GraphOp op, double a, double b, double p)
    {
        var (va, vb) = (new Value(a), new Value(b));
        var y = RandomGraph.Apply(op, va, vb, p);
        var grads = y.Backward();

        var reference = TorchReference.Derivatives(x => TorchReference.Apply(op, x[0], x[1], p), [a, b]);
        var name = op == GraphOp.Pow ? $"Pow({a}, {p})" : $"{op}({a}, {b})";
        AssertClose(reference.Value, y.Data, $"value of {name}");
        AssertClose(reference.Gradient[0], grads[va], $"∂/∂a of {name}");
        AssertClose(reference.Gradient[1], grads[vb], $"∂/∂b of {name}");
    }
}
