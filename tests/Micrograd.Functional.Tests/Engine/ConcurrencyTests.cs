namespace Micrograd.Functional.Tests.Engine;

/// <summary>Backward is pure, so one shared graph can be differentiated from many threads at once.</summary>
public class ConcurrencyTests
{
    [Fact]
    public void Concurrent_backward_calls_on_one_graph_give_bit_identical_results()
    {
        var random = new Random(7);
        var genes = Enumerable.Range(0, 40).Select(_ => new Gene(random.Next(1000), random.Next(1000), random.Next(1000), random.Next(1000)));
        var graph = new RandomGraph([0.3, -1.1, 0.8], [.. genes]);

        // A wide graph: 60 copies of the random expression, each on fresh leaves holding the inputs
        // the generator kept in every op's safe domain, summed together. Every gradient is finite:
        // IEEE-754 leaves the sign of a NaN unspecified, and the JIT's tiers may differ there.
        var output = Enumerable.Range(0, 60)
            .Select(_ => graph.Build(graph.Inputs.Select(x => new Value(x)).ToArray()))
            .Aggregate((sum, term) => sum + term);
        var expected = output.Backward().Select(p => BitConverter.DoubleToInt64Bits(p.Grad)).ToArray();
        Assert.All(expected, bits => Assert.True(double.IsFinite(BitConverter.Int64BitsToDouble(bits))));

        var results = new long[64][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            results[i] = output.Backward().Select(p => BitConverter.DoubleToInt64Bits(p.Grad)).ToArray());

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Building_graphs_on_many_threads_gives_every_node_a_unique_id()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<long>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                ids.Add(new Value(i).Id);
            }
        });
        Assert.Equal(80_000, ids.Distinct().Count());
    }
}
