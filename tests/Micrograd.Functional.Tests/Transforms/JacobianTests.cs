using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Micrograd.Functional.Tests.Engine;

namespace Micrograd.Functional.Tests.Transforms;

/// <summary>Jacobians both ways, Hessian-vector products, and every transform nesting inside another.</summary>
[Properties(Arbitrary = [typeof(ExpressionGraphs)], MaxTest = 100)]
public class JacobianTests
{
    /// <summary>f(x, y) = (x·y, x², eʸ), whose Jacobian is [[y, x], [2x, 0], [0, eʸ]].</summary>
    private static Value[] F(Value[] v) => [v[0] * v[1], v[0].Pow(2), v[1].Exp()];

    [Fact]
    public void The_jacobian_of_xy_x_squared_exp_y_is_y_x_2x_0_0_exp_y_both_ways()
    {
        var (x, y) = (1.5, -0.5);
        double[,] expected = { { y, x }, { 2 * x, 0 }, { 0, Math.Exp(y) } };
        Assert.Equal(expected, Leaves.Numbers(Ad.JacobianForward(F)(Leaves.Of(x, y))));
        Assert.Equal(expected, Leaves.Numbers(Ad.JacobianReverse(F)(Leaves.Of(x, y))));
    }

    /// <summary>Three outputs of a random graph: its last node, and two built on it and on the inputs.</summary>
    private static Value[] Outputs(RandomGraph graph, Value[] x)
    {
        var y = graph.Build(x);
        return [y, y * x[0], (x[^1] * 0.5).Tanh() + y];
    }

    [Property]
    public void Forward_and_reverse_jacobians_agree(RandomGraph graph)
    {
        var forward = Leaves.Numbers(Ad.JacobianForward(x => Outputs(graph, x))(Leaves.Of(graph.Inputs)));
        var reverse = Leaves.Numbers(Ad.JacobianReverse(x => Outputs(graph, x))(Leaves.Of(graph.Inputs)));
        for (var i = 0; i < forward.GetLength(0); i++)
        {
            for (var j = 0; j < forward.GetLength(1); j++)
            {
                Tolerance.Close(reverse[i, j], forward[i, j], 1e-12, $"J[{i},{j}]");
            }
        }
    }

    [Property]
    public Property Jacobian_columns_agree_with_finite_differences(RandomGraph graph)
    {
        var j0 = Leaves.Numbers(Ad.JacobianForward(x => Outputs(graph, x))(Leaves.Of(graph.Inputs)));
        var h = 1e-6 * Math.Max(1, Math.Abs(graph.Inputs[0]));
        double[] At(double delta) => [.. Outputs(graph, Leaves.Of([graph.Inputs[0] + delta, .. graph.Inputs.Skip(1)])).Select(v => v.Data)];
        var (plus, minus) = (At(h), At(-h));
        var finite = plus.Zip(minus, (p, m) => (p - m) / (2 * h)).ToArray();
        return Prop.When(finite.All(double.IsFinite) && finite.All(d => Math.Abs(d) < 1e6), () =>
        {
            for (var i = 0; i < finite.Length; i++)
            {
                Tolerance.Close(finite[i], j0[i, 0], 1e-4, $"∂f{i}/∂x0");
            }
        });
    }

    [Property]
    public void A_hessian_vector_product_is_the_hessian_times_the_vector(RandomGraph graph, sbyte[] directions)
    {
        var v = graph.Inputs.Select((_, i) => i < directions.Length ? directions[i] / 16.0 : 1.0).ToArray();
        var h = Leaves.Numbers(Ad.Hessian(x => graph.Build(x))(Leaves.Of(graph.Inputs)));
        var hv = Ad.HessianVectorProduct(x => graph.Build(x))(Leaves.Of(graph.Inputs), Leaves.Of(v));
        for (var i = 0; i < v.Length; i++)
        {
            var expected = Enumerable.Range(0, v.Length).Sum(j => h[i, j] * v[j]);
            Tolerance.Close(expected, hv[i].Data, 1e-10, $"(Hv)[{i}]");
        }
    }

    [Property]
    public void The_hessian_forward_over_reverse_equals_reverse_over_reverse(RandomGraph graph)
    {
        var forwardOverReverse = Leaves.Numbers(Ad.Hessian(x => graph.Build(x))(Leaves.Of(graph.Inputs)));
        var reverseOverReverse = Leaves.Numbers(Ad.JacobianReverse(Ad.Grads(x => graph.Build(x)))(Leaves.Of(graph.Inputs)));
        for (var i = 0; i < graph.Inputs.Length; i++)
        {
            for (var j = 0; j < graph.Inputs.Length; j++)
            {
                Tolerance.Close(reverseOverReverse[i, j], forwardOverReverse[i, j], 1e-10, $"H[{i},{j}]");
            }
        }
    }

    [Fact]
    public void The_hessian_vector_product_of_rosenbrock_at_1_1_along_1_0_is_802_minus_400()
    {
        var hv = Ad.HessianVectorProduct(x => (1 - x[0]).Pow(2) + 100 * (x[1] - x[0].Pow(2)).Pow(2))(Leaves.Of(1.0, 1.0), Leaves.Of(1.0, 0.0));
        Assert.Equal(new[] { 802.0, -400.0 }, hv.Select(v => v.Data));
    }

    [Fact]
    public void Every_transform_nests_inside_grad()
    {
        // d/dx of a Hessian entry: H(x⁴) = 12x², so d/dx is 24x = 48 at 2.
        Assert.Equal(48.0, Ad.Grad(x => Ad.Hessian(v => v[0].Pow(4))([x])[0, 0])(new Value(2.0)).Data);

        // d/dx of a JVP: ∂/∂v x³ · 1 = 3x², so d/dx is 6x = 12 at 2.
        Assert.Equal(12.0, Ad.Grad(x => Ad.Jvp(v => v[0].Pow(3))([x], [new Value(1.0)]).Tangent)(new Value(2.0)).Data);

        // d/dx of a VJP: the pullback of c = 2 through x³ is 6x², so d/dx is 12x = 24 at 2.
        Assert.Equal(24.0, Ad.Grad(x => Ad.Vjp(v => v[0].Pow(3))([x]).Pullback(new Value(2.0))[0])(new Value(2.0)).Data);

        // d/dx of a Hessian-vector product and of a Jacobian entry, both ways.
        Assert.Equal(12.0, Ad.Grad(x => Ad.HessianVectorProduct(v => v[0].Pow(3) * 0.5 + v[0] * v[1])([x, new Value(1.0)], [new Value(1.0), new Value(0.0)])[0])(new Value(2.0)).Data / 0.25);
        Assert.Equal(2.0, Ad.Grad(x => Ad.JacobianForward(v => [v[0].Pow(2)])([x])[0, 0])(new Value(5.0)).Data);
        Assert.Equal(2.0, Ad.Grad(x => Ad.JacobianReverse(v => [v[0].Pow(2)])([x])[0, 0])(new Value(5.0)).Data);
    }

    [Fact]
    public void A_compiled_symbolic_gradient_is_right_at_every_input_including_relus_kink()
    {
        // The gradient's graph holds ReLU's derivative; compiled once, it must follow the input, not the placeholder.
        var f = Compiler.Compile(x => Ad.Grads(v => (v[0] * v[1]).Tanh() + (v[0] - 1).Relu())(x)[0], 2);
        foreach (var (a, b) in new[] { (2.0, 0.5), (-1.0, 3.0), (0.5, -2.0) })
        {
            var x = Leaves.Of(a, b);
            var expected = ((x[0] * x[1]).Tanh() + (x[0] - 1).Relu()).Backward()[x[0]];
            Tolerance.Close(expected, f.Evaluate([a, b]), 1e-15, $"∂f/∂x0 at ({a}, {b})");
        }
    }

    [Property]
    public void Where_every_partial_is_finite_a_jacobian_column_is_the_jvp_along_that_input(RandomGraph graph)
    {
        var x = Leaves.Of(graph.Inputs);
        var jacobian = Ad.JacobianForward(v => Outputs(graph, v))(x);
        var (_, tangent) = Ad.Jvp(v => Outputs(graph, v)[1])(x, [new Value(1.0), .. x.Skip(1).Select(_ => new Value(0.0))]);
        if (double.IsFinite(tangent.Data) && double.IsFinite(jacobian[1, 0].Data))
        {
            Assert.Equal(tangent.Data, jacobian[1, 0].Data);
        }
    }

    [Fact]
    public void A_jvp_pushes_the_zero_tangents_it_is_given_while_a_jacobian_column_pushes_one_direction_alone()
    {
        // f(x, y) = √x + y at (0, 2): ∂f/∂x = ∞. Along (0, 1), a JVP meets 0·∞ = NaN, as IEEE and JAX's jvp do;
        // the Jacobian's column for y pushes only y's direction, so it is exactly 1.
        Func<Value[], Value> f = v => v[0].Sqrt() + v[1];
        Assert.True(double.IsNaN(Ad.Jvp(f)(Leaves.Of(0.0, 2.0), Leaves.Of(0.0, 1.0)).Tangent.Data));
        Assert.Equal(1.0, Ad.JacobianForward(v => [f(v)])(Leaves.Of(0.0, 2.0))[0, 1].Data);
        Assert.True(double.IsPositiveInfinity(Ad.JacobianForward(v => [f(v)])(Leaves.Of(0.0, 2.0))[0, 0].Data));
    }
}
