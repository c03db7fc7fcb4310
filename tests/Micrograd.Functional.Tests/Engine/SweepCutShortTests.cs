using System.Runtime.CompilerServices;

namespace Micrograd.Functional.Tests.Engine;

/// <summary>
/// A sweep cut short (only an asynchronous exception such as out-of-memory can do that to the library's own visitors)
/// still gives its table back clean: the next backward pass on the thread gives the right map, the table keeps its
/// pages for reuse, and it keeps no node of the abandoned graph alive.
/// </summary>
public sealed class SweepCutShortTests
{
    [Fact]
    public void After_a_sweep_cut_short_the_next_backward_on_the_thread_is_right_and_nothing_is_kept_alive()
    {
        var (x, y, expected, count) = Chain();
        var abandoned = CutShort(out var kept);

        Assert.True(kept > 0, "the table keeps the pages of the abandoned sweep for reuse");
        var again = y.Backward();
        Assert.Equal(expected, again[x]);
        Assert.Equal(count, again.Count);
        var a = new Value(3.0);
        var b = a * a;
        Assert.Equal(6.0, b.Backward()[a]);
        Assert.Equal(2, b.Backward().Count);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(abandoned.TryGetTarget(out _), "the table still holds a node of the abandoned graph");
    }

    [Fact]
    public void The_symbolic_fold_s_table_keeps_no_gradient_node_alive_once_the_map_is_gone()
    {
        var gradient = SymbolicGradientOfAChain();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(gradient.TryGetTarget(out _), "the thread's table still holds a gradient node");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<Value> SymbolicGradientOfAChain()
    {
        var x = new Value(2.0);
        var y = x;
        for (var i = 0; i < 600; i++) // several pages
        {
            y = (y * 0.5).Tanh() + x;
        }

        return new WeakReference<Value>(y.BackwardSymbolic()[x]);
    }

    /// <summary>A chain of 3,001 nodes (12 pages), its gradient and size, from a backward pass before any cut.</summary>
    private static (Value X, Value Y, double Grad, int Count) Chain()
    {
        var x = new Value(2.0);
        var y = x;
        for (var i = 0; i < 1_500; i++)
        {
            y = y * 0.5 + x;
        }

        var g = y.Backward();
        return (x, y, g[x], g.Count);
    }

    /// <summary>Sweeps a fresh graph of its own, throws part way, gives the table back; returns a weak handle on one of its nodes.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<Value> CutShort(out int keptPages)
    {
        var z = new Value(1.0);
        var w = z;
        for (var i = 0; i < 1_500; i++)
        {
            w = w * 0.25 + z;
        }

        var sweep = Sweep<double>.Rent();
        try
        {
            var visitor = new Throwing(700);
            Assert.Throws<InvalidOperationException>(() => sweep.Run(w, 1.0, ref visitor));
        }
        finally
        {
            sweep.Return();
        }

        keptPages = Sweep<double>.KeptPages;
        return new WeakReference<Value>(z);
    }

    /// <summary>Reaches operands like the real passes, and throws at the given node.</summary>
    private struct Throwing(int at) : Sweep<double>.IVisitor
    {
        private int _seen;

        public void Visit(Value node, ref double value, bool passed, Sweep<double> sweep)
        {
            if (++_seen == at)
            {
                throw new InvalidOperationException("cut short");
            }

            foreach (var operand in node.Operands)
            {
                sweep.Reach(operand);
            }
        }
    }
}
