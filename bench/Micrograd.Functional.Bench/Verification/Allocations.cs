namespace Micrograd.Functional.Bench.Verification;

/// <summary>
/// Checks in setup that a call promised to allocate nothing really allocates nothing, so a
/// regression fails the run instead of hiding in the Allocated column.
/// </summary>
public static class Allocations
{
    /// <summary>
    /// Calls <paramref name="call"/> a few times to warm it up (per-thread buffers, tiered JIT),
    /// then throws unless 100 more calls allocate no bytes on this thread.
    /// </summary>
    /// <param name="what">Names the call in the exception, e.g. "compiled demo step".</param>
    /// <param name="call">The call that must not allocate.</param>
    /// <exception cref="InvalidOperationException">The call allocated.</exception>
    public static void RequireNone(string what, Action call)
    {
        for (var i = 0; i < 10; i++)
        {
            call();
        }

        const int calls = 100;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
        {
            call();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (allocated != 0)
        {
            throw new InvalidOperationException($"{what}: {calls} calls after warm-up allocated {allocated:N0} bytes; expected none.");
        }
    }
}
