using Micrograd.Functional.Reference.Tests.Torch;
using Micrograd.Functional.Tests.Engine;
using static Micrograd.Functional.Reference.Tests.Torch.Tolerance;

namespace Micrograd.Functional.Reference.Tests.Engine;

/// <summary>
/// sin, cos, √, |·|, aᵇ with a variable exponent, max and min against PyTorch, at ordinary points
/// and where PyTorch defines a special case: √'s derivative at 0, |·|'s at 0, pow(Tensor, Tensor)'s
/// a ≤ 0 and b = 0 cases, torch.maximum/minimum's ties. Values, both partials and, through nested
/// symbolic gradients, the Hessian. NaN must meet NaN and ∞ the same ∞.
/// </summary>
public class PrimitiveEdgeCaseTests
{
    public static TheoryData<GraphOp, double> Unary() => new()
    {
        { GraphOp.Sin, -2 }, { GraphOp.Sin, 0 }, { GraphOp.Sin, 0.7 }, { GraphOp.Sin, 1e4 },
        { GraphOp.Cos, -2 }, { GraphOp.Cos, 0 }, { GraphOp.Cos, 0.7 }, { GraphOp.Cos, 1e4 },
        { GraphOp.Sqrt, 0 }, { GraphOp.Sqrt, 1e-8 }, { GraphOp.Sqrt, 2 }, { GraphOp.Sqrt, 1e6 }, { GraphOp.Sqrt, -1 },
        { GraphOp.Abs, -2.5 }, { GraphOp.Abs, 0 }, { GraphOp.Abs, 1e-3 }, { GraphOp.Abs, 7 },
    };

    public static TheoryData<GraphOp, double, double> Binary()
    {
        var data = new TheoryData<GraphOp, double, double>();
        (double A, double B)[] powers =
        [
            (2, 3), (0.3, -1.5), (1.7, 0.5), (4, 0), (1, 2.5),
            (0, 2), (0, 0.5), (0, 0), (0, -1), (0, -0.5),   // a = 0: ∂b is 0 for b ≥ 0
            (2, 0), (-2, 0), (-2, 2), (-2, 3), (-2, 0.5),  // b = 0: ∂a is 0; a < 0: ∂b is NaN
        ];
        foreach (var (a, b) in powers)
        {
            data.Add(GraphOp.PowValue, a, b);
        }

        foreach (var op in new[] { GraphOp.Max, GraphOp.Min })
        {
            foreach (var (a, b) in new[] { (1.5, -2.0), (-2.0, 1.5), (0.25, 0.25), (0.0, 0.0), (-3.0, -3.0), (1e-300, 0.0) })
            {
                data.Add(op, a, b);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Unary))]
    public void A_new_unary_primitive_and_its_derivative_match_torch_special_cases_included(GraphOp op, double a) =>
        Compare(op, a, 1.0);

    [Theory]
    [MemberData(nameof(Binary))]
    public void A_variable_power_max_and_min_and_both_partials_match_torch_special_cases_included(GraphOp op, double a, double b) =>
        Compare(op, a, b);

    [Theory]
    [InlineData(GraphOp.PowValue, 1.3, 0.7)]
    [InlineData(GraphOp.PowValue, 0.4, -1.5)]
    [InlineData(GraphOp.Max, 1.3, -0.7)]
    [InlineData(GraphOp.Min, 1.3, -0.7)]
    public void The_hessian_of_a_binary_primitive_matches_torch(GraphOp op, double a, double b)
    {
        var reference = TorchReference.Derivatives(t => TorchReference.Apply(op, t[0], t[1], 0), [a, b], secondOrder: true).Hessian!;
        var engine = Ad.Hessian(v => RandomGraph.Apply(op, v[0], v[1], 0))([a, b]);
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 2; j++)
            {
                AssertClose(reference[i, j], engine[i, j].Data, $"∂²{op}({a}, {b})/∂x{i}∂x{j}");
            }
        }
    }

    [Theory]
    [InlineData(GraphOp.Sin, 0.6)]
    [InlineData(GraphOp.Cos, -1.1)]
    [InlineData(GraphOp.Sqrt, 1.7)]
    [InlineData(GraphOp.Abs, -0.9)]
    public void Nested_grad_gives_torchs_second_derivative_of_each_new_unary_op(GraphOp op, double x)
    {
        var reference = TorchReference.Derivatives(t => TorchReference.Apply(op, t[0], t[0], 0), [x], secondOrder: true).Hessian![0, 0];
        AssertClose(reference, Ad.Grad(Ad.Grad((Value v) => RandomGraph.Apply(op, v, v, 0)))(new Value(x)).Data, $"{op}''({x})");
    }

    [Fact]
    public void Stop_gradient_passes_nothing_as_torchs_detach()
    {
        var x = new Value(1.5);
        var y = x * x.StopGradient();
        var reference = TorchReference.Derivatives(t => t[0] * t[0].detach(), [1.5]);
        AssertClose(reference.Value, y.Data, "x · stop(x)");
        AssertClose(reference.Gradient[0], y.Backward()[x], "d(x · stop(x))/dx");
    }

    private static void Compare(GraphOp op, double a, double b)
    {
        var (va, vb) = (new Value(a), new Value(b));
        var y = RandomGraph.Apply(op, va, vb, 0);
        var grads = y.Backward();
        var reference = TorchReference.Derivatives(x => TorchReference.Apply(op, x[0], x[1], 0), [a, b]);
        Same(reference.Value, y.Data, $"value of {op}({a}, {b})");
        Same(reference.Gradient[0], grads[va], $"∂/∂a of {op}({a}, {b})");
        Same(reference.Gradient[1], grads[vb], $"∂/∂b of {op}({a}, {b})");
    }

    /// <summary>Both NaN, or within the tolerance (which takes equal infinities as equal).</summary>
    private static void Same(double torch, double engine, string what)
    {
        if (double.IsNaN(torch) || double.IsNaN(engine))
        {
            Assert.True(double.IsNaN(torch) && double.IsNaN(engine), $"{what}: torch {torch:R}, engine {engine:R}");
            return;
        }

        AssertClose(torch, engine, what);
    }
}
