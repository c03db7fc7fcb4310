namespace Micrograd.Functional.Tests.Engine;

/// <summary>
/// The per-thread table behind every backward pass: it packs a result into chunks no bigger than needed,
/// is reused from call to call by every kind of sweep, and gives its memory back only when idle.
/// </summary>
public class SweepTableTests
{
    [Fact]
    public void A_result_is_cut_into_full_chunks_and_a_last_one_as_long_as_the_nodes_left()
    {
        // A leaf under ChunkSize + 4 tanh nodes: ChunkSize + 5 values, so one full chunk and one of 5.
        var output = new Value(0.5);
        for (var k = 0; k < Sweep.ChunkSize + 4; k++)
        {
            output = output.Tanh();
        }

        var sweep = Sweep<double>.Rent();
        try
        {
            var operands = default(ReachOperands);
            sweep.Run(output, 1.0, ref operands);
            Assert.Equal(new[] { Sweep.ChunkSize, 5 }, sweep.Values().Select(chunk => chunk.Length));
        }
        finally
        {
            sweep.Return();
        }
    }

    [Fact]
    public void An_idle_table_is_trimmed_at_the_second_check_and_a_table_in_use_never()
    {
        int usedSinceCheck = -1, idleSinceCheck = -1, inUse = -1;
        var thread = new Thread(() =>
        {
            var x = new Value(0.5);
            var output = x;
            for (var k = 0; k < 2_000; k++)
            {
                output = output.Tanh();
            }

            _ = output.Backward();
            var table = Sweep<double>.Rent(); // this thread's table, marked as used
            table.Return();
            table.TrimIfIdle();
            usedSinceCheck = Sweep<double>.KeptPages;
            table.TrimIfIdle();
            idleSinceCheck = Sweep<double>.KeptPages;

            _ = output.Backward();
            var busy = Sweep<double>.Rent();
            table.TrimIfIdle();
            table.TrimIfIdle();
            inUse = Sweep<double>.KeptPages;
            busy.Return();
        });
        thread.Start();
        thread.Join();

        Assert.True(usedSinceCheck > 0, "a table used since the last check keeps its pages");
        Assert.Equal(0, idleSinceCheck);
        Assert.True(inUse > 0, "a table in use is never trimmed");
    }

    [Fact]
    public void Enumerating_a_gradient_map_hands_the_table_back_for_the_next_backward_pass()
    {
        var x = new Value(0.5);
        var y = x * x + x;
        _ = y.Backward();
        Assert.Equal(3, y.Backward().Count()); // enumerating sweeps the graph again, with the same table

        // A pass over 4 nodes with the thread's table allocates only its result; a fresh table alone is several KB.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var grads = y.Backward();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(2.0, grads[x]);
        Assert.True(allocated < 2_048, $"{allocated} bytes");
    }

    /// <summary>Reaches every operand, as every sweep does.</summary>
    private struct ReachOperands : Sweep<double>.IVisitor
    {
        public readonly void Visit(Value node, ref double value, bool passed, Sweep<double> sweep)
        {
            if (node.A is { } a)
            {
                sweep.Reach(a);
            }

            if (node.B is { } b)
            {
                sweep.Reach(b);
            }
        }
    }
}
