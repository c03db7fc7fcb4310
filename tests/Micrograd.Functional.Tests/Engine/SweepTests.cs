using System.Runtime.CompilerServices;

namespace Micrograd.Functional.Tests.Engine;

/// <summary>
/// The backward pass finds nodes by their ids (a node is always newer than its operands), in pages of
/// consecutive ids. Whatever the gaps between a graph's ids, it must give the same numbers, and the
/// per-thread table it reuses must neither keep graphs alive nor keep its memory when idle.
/// </summary>
public class SweepTests
{
    /// <summary>(a·b + a)·tanh(b) + a, with <paramref name="gap"/> unrelated nodes made before each node of it.</summary>
    private static (Value A, Value B, Value Output) Build(double a0, double b0, int gap)
    {
        void Noise()
        {
            for (var k = 0; k < gap; k++)
            {
                _ = new Value(k);
            }
        }

        Noise();
        var a = new Value(a0);
        Noise();
        var b = new Value(b0);
        Noise();
        var ab = a * b;
        Noise();
        var sum = ab + a;
        Noise();
        var t = b.Tanh();
        Noise();
        var product = sum * t;
        Noise();
        return (a, b, product + a);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(255)] // about one page apart
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(100_000)] // every node on a page of its own, far apart
    public void Gaps_between_a_graphs_ids_change_no_gradient(int gap)
    {
        var (a, b, output) = Build(0.7, -1.3, gap);
        var grads = output.Backward();

        // f = (ab + a)·tanh b + a: ∂f/∂a = (b + 1)·tanh b + 1, ∂f/∂b = a·tanh b + (ab + a)(1 − tanh² b).
        var t = Math.Tanh(-1.3);
        Assert.Equal(7, grads.Count); // a, b, ab, ab + a, tanh b, the product and the output
        Assert.Equal((-1.3 + 1) * t + 1, grads[a], 14);
        Assert.Equal(0.7 * t + (0.7 * -1.3 + 0.7) * (1 - t * t), grads[b], 14);

        var (denseA, denseB, dense) = Build(0.7, -1.3, 0);
        var denseGrads = dense.Backward();
        Assert.Equal(BitConverter.DoubleToInt64Bits(denseGrads[denseA]), BitConverter.DoubleToInt64Bits(grads[a]));
        Assert.Equal(BitConverter.DoubleToInt64Bits(denseGrads[denseB]), BitConverter.DoubleToInt64Bits(grads[b]));
        Assert.Equal(denseGrads.Select(p => p.Grad), grads.Select(p => p.Grad));
    }

    [Fact]
    public void Gradients_are_read_correctly_across_the_maps_chunks()
    {
        // Σₖ k·lₖ over 20,000 leaves: 60,000 nodes, several 8,192-slot chunks; ∂/∂lₖ = k.
        var leaves = Enumerable.Range(0, 20_000).Select(k => new Value(k % 7 - 3.0)).ToArray();
        var output = leaves[0] * 0.0;
        for (var k = 1; k < leaves.Length; k++)
        {
            output += leaves[k] * k;
        }

        var grads = output.Backward();
        Assert.True(grads.Count > 6 * Sweep.ChunkSize);
        Assert.Equal(Enumerable.Range(0, leaves.Length).Select(k => (double)k), grads.For(leaves));
        Assert.True(grads.Contains(output));
        Assert.Equal(1.0, grads[output]);
        Assert.Equal(grads.Count, grads.Count(p => p.Node.Op == Op.Leaf) + 2 * (leaves.Length - 1) + 1);
    }

    [Theory]
    [InlineData(4_095)] // a left-fold sum of n leaves has 2n − 1 nodes: 8,189 …
    [InlineData(4_096)] // … 8,191, one short of a chunk …
    [InlineData(4_097)] // … 8,193, one more
    public void A_map_of_about_one_chunk_has_every_gradient(int leaves)
    {
        var nodes = Enumerable.Range(0, leaves).Select(k => new Value(k)).ToArray();
        var output = nodes.Skip(1).Aggregate(nodes[0], (sum, leaf) => sum + leaf);
        var grads = output.Backward();

        Assert.Equal(2 * leaves - 1, grads.Count);
        Assert.All(grads.For(nodes), g => Assert.Equal(1.0, g));
        Assert.Equal(grads.Count, grads.Count());
    }

    [Fact]
    public void A_node_in_a_gap_of_the_graphs_ids_is_not_found_even_on_a_page_boundary()
    {
        // The parameter p is 5,120 ids (20 pages) older than the marker, so both sit at the same place in
        // their pages; the 512 newer nodes fill pages 0 and 1, so the marker is the first id of page 2,
        // the first page missing from the graph. Looking it up must not land on p's page.
        var p = new Value(1.5);
        for (var k = 0; k < 5_119; k++)
        {
            _ = new Value(k);
        }

        var marker = new Value(2.0);
        var output = p;
        for (var k = 0; k < 256; k++)
        {
            output += 1.0; // a constant and an add: 2 nodes
        }

        var grads = output.Backward();
        Assert.Equal(513, grads.Count);
        Assert.False(grads.Contains(marker));
        Assert.Equal(0.0, grads[marker]);
        Assert.Equal(1.0, grads[p]);
    }

    [Fact]
    public void The_topology_numbers_nodes_newest_first_and_marks_missing_operands_with_minus_one()
    {
        var a = new Value(1.0);
        var b = new Value(2.0);
        var product = a * b;
        var output = product.Tanh();
        var topology = Topology.Of(output);

        Assert.Equal([output, product, b, a], topology.Nodes);
        Assert.Equal([1, 3, -1, -1], topology.OperandA);
        Assert.Equal([-1, 2, -1, -1], topology.OperandB);
        Assert.Equal([3, 2, 1, 0], topology.Order);
        Assert.Equal(2, topology.Index.SlotOf(b));
        Assert.Equal(-1, topology.Index.SlotOf(new Value(0.0)));
    }

    [Fact]
    public void A_node_made_after_the_output_or_between_its_nodes_is_not_in_its_map()
    {
        var a = new Value(2.0);
        var between = new Value(5.0); // an id inside the graph's range, but not a node of it
        var output = a * a;
        var later = new Value(1.0);
        var grads = output.Backward();

        Assert.False(grads.Contains(between));
        Assert.False(grads.Contains(later));
        Assert.Equal(0.0, grads[later]);
        Assert.Equal(4.0, grads[a]);
    }

    [Fact]
    public void The_threads_table_keeps_no_graph_alive()
    {
        var weak = DifferentiateAndForget();
        FullCollection();
        GC.Collect();
        Assert.False(weak.TryGetTarget(out _));

        [MethodImpl(MethodImplOptions.NoInlining)]
        static WeakReference<Value> DifferentiateAndForget()
        {
            var leaf = new Value(0.5);
            var output = leaf;
            for (var k = 0; k < 10_000; k++)
            {
                output = (output * 0.9).Tanh();
            }

            Assert.Equal(30_001, output.Backward().Count); // per step: the constant 0.9, the product and its tanh
            return new WeakReference<Value>(leaf);
        }
    }

    [Fact]
    public void A_table_in_use_between_collections_keeps_its_pages()
    {
        var kept = -1;
        OnItsOwnThread(() =>
        {
            var output = LongChain();
            for (var k = 0; k < 4; k++)
            {
                _ = output.Backward();
                FullCollection();
            }

            kept = Sweep<double>.KeptPages;
        });

        Assert.True(kept > 0, "a table used since the last collection is not trimmed");
    }

    [Fact]
    public void An_idle_threads_table_gives_its_pages_back_after_full_collections()
    {
        int before = 0, after = -1;
        OnItsOwnThread(() =>
        {
            _ = LongChain().Backward();
            before = Sweep<double>.KeptPages;
            for (var k = 0; k < 4; k++)
            {
                FullCollection();
            }

            after = Sweep<double>.KeptPages;
        });

        Assert.True(before > 0, "the table keeps its pages between calls");
        Assert.Equal(0, after);
    }

    /// <summary>x ← 0.999·x + 0.001 from 0.5, 100,000 times: a 400,001-node graph.</summary>
    private static Value LongChain()
    {
        var output = new Value(0.5);
        for (var k = 0; k < 100_000; k++)
        {
            output = output * 0.999 + 0.001;
        }

        return output;
    }

    /// <summary>A full collection, with the finalizers it queued run (the table is trimmed from one).</summary>
    private static void FullCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    /// <summary>Runs <paramref name="body"/> on a new thread, so that it sees a thread's table of its own, and waits for it.</summary>
    private static void OnItsOwnThread(Action body)
    {
        var thread = new Thread(() => body());
        thread.Start();
        thread.Join();
    }
}
