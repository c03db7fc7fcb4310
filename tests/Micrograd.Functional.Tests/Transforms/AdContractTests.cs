namespace Micrograd.Functional.Tests.Transforms;

/// <summary>The transforms' argument checks, and symbolic gradients as a map.</summary>
public class AdContractTests
{
    [Fact]
    public void Every_transform_rejects_a_missing_function()
    {
        Assert.Throws<ArgumentNullException>(() => Ad.Grad(null!));
        Assert.Throws<ArgumentNullException>(() => Ad.Grads(null!));
        Assert.Throws<ArgumentNullException>(() => Ad.ValueAndGrad(null!));
        Assert.Throws<ArgumentNullException>(() => Ad.ValueAndGrads(null!));
        Assert.Throws<ArgumentNullException>(() => Ad.Hessian(null!));
        Assert.Throws<ArgumentNullException>(() => Ad.HessianVectorProduct(null!));
        Assert.Throws<ArgumentNullException>(() => Ad.JacobianForward(null!));
        Assert.Throws<ArgumentNullException>(() => Ad.JacobianReverse(null!));
        Assert.Throws<ArgumentNullException>(() => Ad.Jvp(null!));
        Assert.Throws<ArgumentNullException>(() => Ad.Vjp(null!));
        Assert.Equal("primals", Assert.Throws<ArgumentNullException>(() => Ad.Jvp(x => x[0])(null!, Leaves.Of(1.0))).ParamName);
        Assert.Equal("tangents", Assert.Throws<ArgumentNullException>(() => Ad.Jvp(x => x[0])(Leaves.Of(1.0), null!)).ParamName);
        var wrongLength = Assert.Throws<ArgumentException>(() => Ad.HessianVectorProduct(x => x[0])(Leaves.Of(1.0), Leaves.Of(1.0, 2.0)));
        Assert.Equal(("v", true), (wrongLength.ParamName, wrongLength.Message.StartsWith("The point x has 1 entries but v has 2.")));
    }

    [Fact]
    public void Symbolic_relus_derivative_at_zero_is_zero_like_the_numeric_one()
    {
        var x = new Value(0.0);
        Assert.Equal(0.0, x.Relu().BackwardSymbolic()[x].Data);
        Assert.Equal(1.0, Ad.Grad(v => v.Relu())(new Value(1e-300)).Data);
    }

    [Fact]
    public void Symbolic_gradients_enumerate_every_node_with_its_gradient_node()
    {
        var x = new Value(3.0);
        var y = x * x;
        var pairs = y.BackwardSymbolic().ToArray();
        Assert.Equal(2, pairs.Length);
        Assert.Equal((x, 6.0), (pairs[0].Node, pairs[0].Grad.Data));
        Assert.Equal((y, 1.0), (pairs[1].Node, pairs[1].Grad.Data));
        Assert.Equal(2, y.BackwardSymbolic().Count);
        Assert.StartsWith("SymbolicGradients(count=2, output=Value(data=9", y.BackwardSymbolic().ToString());
    }
}
