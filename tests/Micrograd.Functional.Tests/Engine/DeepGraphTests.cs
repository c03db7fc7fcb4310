namespace Micrograd.Functional.Tests.Engine;

/// <summary>
/// Deep and heavily shared graphs. Nothing in the engine recurses over a graph: in .NET a stack
/// overflow kills the test host and cannot be caught, so these tests would crash the run, not fail.
/// </summary>
public class DeepGraphTests
{
    private const int Depth = 1_000_000;

    /// <summary>v₀ = x, vₖ₊₁ = vₖ + x: a chain of a million additions with dv/dx = 1,000,001.</summary>
    private static (Value X, Value Output) Chain()
    {
        var x = new Value(0.5, "x");
        var v = x;
        for (var k = 0; k < Depth; k++)
        {
            v += x;
        }

        return (x, v);
    }

    [Fact]
    public void A_million_deep_chain_builds_and_differentiates_without_a_stack_overflow()
    {
        var (x, output) = Chain();
        var grads = output.Backward();
        Assert.Equal((Depth + 1) * 0.5, output.Data);
        Assert.Equal(Depth + 1.0, grads[x]);
        Assert.Equal(Depth + 1, grads.Count);
    }

    [Fact]
    public void A_million_deep_chain_hashes_compares_and_prints_only_its_own_node()
    {
        var (_, output) = Chain();
        Assert.Equal(output.Id.GetHashCode(), output.GetHashCode());
        Assert.False(output.Equals(output with { }));
        Assert.Equal($"Value(data=500000.5, op=Add, id={output.Id})", output.ToString());
        Assert.Contains(output, new HashSet<Value> { output });
    }

    [Fact(Timeout = 60_000)]
    public async Task Two_thousand_stacked_diamonds_differentiate_in_linear_time()
    {
        // v = (v + v) · 0.5 has 2²⁰⁰⁰ paths from output to x; a pass that followed paths instead of
        // visiting each node once would never finish. dv/dx = ((1 + 1) · 0.5)²⁰⁰⁰ = 1.
        var grads = await Task.Run(() =>
        {
            var x = new Value(3.0);
            var v = x;
            for (var k = 0; k < 2_000; k++)
            {
                v = (v + v) * 0.5;
            }

            return (x, v.Backward());
        });

        Assert.Equal(1.0, grads.Item2[grads.x]);
        Assert.Equal(1 + 2_000 * 3, grads.Item2.Count); // x, then per diamond: v + v, the constant 0.5, the product
    }
}
