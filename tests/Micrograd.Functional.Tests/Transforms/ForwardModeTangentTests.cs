namespace Micrograd.Functional.Tests.Transforms;

/// <summary>
/// Forward mode skips multiplying a tangent by a 1 that the derivative rules made, but never by a node
/// of the graph that happens to hold 1: such a node is a variable, and the tangent must stay
/// differentiable with respect to it (the derivative of a JVP is a second derivative).
/// </summary>
public class ForwardModeTangentTests
{
    [Fact]
    public void An_operand_holding_1_stays_a_variable_in_the_tangent_of_x_times_y()
    {
        // f = x·y: its JVP along (ẋ, ẏ) is y·ẋ + x·ẏ, so ∂/∂x of the JVP along (0, 1) is 1 and ∂/∂y of the JVP along (1, 0) is 1.
        var alongY = Ad.Grad(x => Ad.Jvp(v => v[0] * v[1])([x, new Value(3.0)], Leaves.Of(0.0, 1.0)).Tangent);
        var alongX = Ad.Grad(y => Ad.Jvp(v => v[0] * v[1])([new Value(3.0), y], Leaves.Of(1.0, 0.0)).Tangent);
        Assert.Equal(1.0, alongY(new Value(1.0)).Data);
        Assert.Equal(1.0, alongX(new Value(1.0)).Data);
    }

    [Fact]
    public void An_op_node_holding_1_stays_a_variable_in_the_tangent_of_exp()
    {
        // The JVP of eˣ along ẋ = 1 is eˣ; its derivative eˣ is 1 at x = 0, where the partial eˣ itself holds 1.
        var derivative = Ad.Grad(x => Ad.Jvp(v => v[0].Exp())([x], Leaves.Of(1.0)).Tangent);
        Assert.Equal(1.0, derivative(new Value(0.0)).Data);
    }
}
