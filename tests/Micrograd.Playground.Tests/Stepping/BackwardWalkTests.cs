using Micrograd.Functional;
using Micrograd.Playground.Pages;
using Micrograd.Playground.Stepping;
using Micrograd.Playground.Tests.Expressions;

namespace Micrograd.Playground.Tests.Stepping;

/// <summary>The lab's walk through the backward pass, and the words its panel shows.</summary>
public sealed class BackwardWalkTests
{
    [Fact]
    public void Walking_the_README_program_to_the_end_accumulates_Backwards_gradients()
    {
        var ran = Programs.Run(Lab.ReadmeProgram);
        var walk = new BackwardWalk(ran.Output);
        var gradients = ran.Output.Backward();

        Assert.Equal(gradients.Count, walk.Count);
        Assert.Equal(0.0, walk.GradientSoFar(ran.Variable("a")));
        while (walk.Advance())
        {
        }

        Assert.True(walk.IsComplete);
        Assert.Equal(walk.Count, walk.Taken);
        Assert.All(ran.Variables, v => Assert.Equal(gradients[v.Value], walk.GradientSoFar(v.Value)));
        Assert.False(walk.Advance());

        walk.Reset();
        Assert.Equal((0, null), (walk.Taken, walk.Current));
        Assert.Equal(0.0, walk.GradientSoFar(ran.Variable("a")));
        walk.Finish();
        Assert.Equal(138.83381924198252, walk.GradientSoFar(ran.Variable("a")));
    }

    [Fact]
    public void The_first_step_is_the_output_passing_its_gradient_of_one_through_the_sum_rule()
    {
        var ran = Programs.Run(Lab.ReadmeProgram);
        var walk = new BackwardWalk(ran.Output);
        walk.Advance();
        var step = walk.Current!;

        Assert.Same(ran.Output, step.Node);
        Assert.Equal(1.0, step.Upstream);
        Assert.Equal(2, step.Shares.Count);
        Assert.All(step.Shares, share => Assert.Equal((1.0, 1.0), (share.Local, share.Contribution))); // ∂(u + v)/∂u = 1
    }

    [Fact]
    public void A_product_of_a_node_with_itself_passes_to_it_twice_by_the_product_rule()
    {
        var ran = Programs.Run("x = Value(3.0)\ny = x * x");
        var step = BackwardSteps.Of(ran.Output).First();
        Assert.Equal([3.0, 3.0], step.Shares.Select(s => s.Local));
        Assert.Equal([3.0, 6.0], step.Shares.Select(s => s.Accumulated)); // d(x²)/dx = 2x
    }

    [Fact]
    public void Nothing_flows_below_a_stop_gradient_not_even_zero_times_infinity()
    {
        var ran = Programs.Run("x = Value(0.0)\nr = sqrt(x * 1)\ny = stop_gradient(r) * 1e308 * 1e308 + x");
        var steps = BackwardSteps.Of(ran.Output).ToList();
        var below = steps.Single(s => ReferenceEquals(s.Node, ran.Variable("r")));

        Assert.Null(below.Upstream); // √x lies only below the stop: it received nothing
        Assert.Empty(below.Shares);
        Assert.Empty(steps.Single(s => s.Node.Op == Op.StopGradient).Shares);
        Assert.Equal(1.0, ran.Output.Backward()[ran.Variable("x")]); // not NaN
    }

    [Fact]
    public void The_narration_shows_the_chain_rule_with_names_data_and_four_decimals()
    {
        var ran = Programs.Run("a = Value(2.0)\nb = Value(-3.0)\nc = a * b");
        var narration = new StepNarration(ran.Labels);
        var step = BackwardSteps.Of(ran.Output).First();

        Assert.Equal("Backward step 1 of 3: node c (*, data -6.0000)", narration.Heading(step, 3));
        var lines = narration.Lines(step);
        Assert.Contains("1.0000", lines[0], StringComparison.Ordinal);
        Assert.Equal("To a (leaf, data 2.0000): passes -3.0000 × 1.0000 = -3.0000 (local × upstream = contribution); its gradient so far: -3.0000.", lines[1]);
        Assert.Equal("To b (leaf, data -3.0000): passes 2.0000 × 1.0000 = 2.0000 (local × upstream = contribution); its gradient so far: 2.0000.", lines[2]);
    }
}
