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
        var leaves = Enumerable.Range(0, 200).Select(i => new Value(Math.Sin(i))).ToArray();

        // A wide graph: 200 leaves feed the same random expression shape, summed together.
        var output = leaves.Chunk(graph.Inputs.Length)
            .Where(chunk => chunk.Length == graph.Inputs.Length)
            .Select(chunk => graph.Build(chunk))
            .Aggregate((sum, term) => sum + term);
        var expected = output.Backward().Select(p => BitConverter.DoubleToInt64Bits(p.Gradient)).ToArray();

        var results = new long[64][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            results[i] = output.Backward().Select(p => BitConverter.DoubleToInt64Bits(p.Gradient)).ToArray());

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
