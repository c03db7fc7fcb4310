using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Micrograd.Functional;

/// <content>
/// The per-thread table: each thread keeps one <see cref="Sweep{T}"/> for each T and reuses its pages from call to call, since
/// working memory allocated afresh on every call is what made a large backward pass pay for garbage collections.
/// A table left unused from one gen-2 collection to the next gives its pages back to the collector.
/// </content>
internal sealed partial class Sweep<T>
{
    /// <summary>The pages this thread's table keeps for its next sweep (0 when it has none or has been trimmed); for tests.</summary>
    internal static int KeptPages => t_spare?._free.Count ?? 0;

    /// <summary>Takes this thread's table (or a new one); give it back with <see cref="Return"/>.</summary>
    public static Sweep<T> Rent()
    {
        if (t_spare is null)
        {
            t_spare = new Sweep<T>();
            Gen2Callback.Register(t_spare);
        }

        if (Interlocked.CompareExchange(ref t_spare._state, InUse, Idle) == Idle)
        {
            t_spare._usedSinceTrim = true;
            return t_spare;
        }

        // Stryker disable once Initializer : a one-off table is never registered with the trimming finalizer, so its state is never read before Return sets it (equivalent mutant)
        return new Sweep<T> { _state = InUse }; // being trimmed right now; a one-off table will do
    }

    /// <summary>Empties the table (it must not keep graphs alive) and keeps its pages for this thread's next sweep.</summary>
    public void Return()
    {
        foreach (var page in _pages.Values) // left unfinished only by a sweep cut short
        {
            Array.Clear(page.Nodes);
            Array.Clear(page.Values); // (for T a reference: a kept page must not keep gradient nodes alive)
            Array.Clear(page.Occupied);
            Array.Clear(page.ReachedOnly);
            page.Used = 0;
            _free.Push(page);
        }

        _pages.Clear();
        _queue.Clear();
        _finishedPages.Clear();
        _finishedFirst.Clear();
        _finishedOccupancy.Clear();
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(_values, 0, _finished);
        }

        _current = _recent = null;
        _someReachedOnly = false;
        _finished = 0;
        Count = 0;
        Volatile.Write(ref _state, Idle);
    }

    /// <summary>Drops the kept pages if the table has not been used since the last check (run after gen-2 collections), unless it is in use right now.</summary>
    internal void TrimIfIdle()
    {
        if (Interlocked.CompareExchange(ref _state, Trimming, Idle) != Idle)
        {
            return;
        }

        try
        {
            if (!_usedSinceTrim)
            {
                _free.Clear();
                // Stryker disable once Statement : TrimExcess releases capacity only; no behaviour can observe it (equivalent mutant)
                _free.TrimExcess();
                // Stryker disable once Statement : TrimExcess releases capacity only; no behaviour can observe it (equivalent mutant)
                _pages.TrimExcess();
                // Stryker disable once Statement : TrimExcess releases capacity only; no behaviour can observe it (equivalent mutant)
                _queue.TrimExcess();
                // Stryker disable once Statement : TrimExcess releases capacity only; no behaviour can observe it (equivalent mutant)
                _finishedPages.TrimExcess();
                // Stryker disable once Statement : TrimExcess releases capacity only; no behaviour can observe it (equivalent mutant)
                _finishedFirst.TrimExcess();
                // Stryker disable once Statement : TrimExcess releases capacity only; no behaviour can observe it (equivalent mutant)
                _finishedOccupancy.TrimExcess();
                _values = new T[PageSize];
            }

            _usedSinceTrim = false;
        }
        finally
        {
            Volatile.Write(ref _state, Idle); // even when a trim runs out of memory: the owner thread must get its table back
        }
    }

    /// <summary>
    /// Trims a thread's table after gen-2 collections for as long as the table lives (the way the
    /// shared array pool trims itself): an object that is only reachable from the finalizer queue is
    /// finalized after each collection of its generation, and re-registers itself until its table
    /// is gone with its thread.
    /// </summary>
    private sealed class Gen2Callback
    {
        // A weak GCHandle, not a WeakReference: a WeakReference is an object with a finalizer of its own,
        // which, once this callback is unreachable too, may run first and free the handle.
        private GCHandle _sweep;

        private Gen2Callback(Sweep<T> sweep) => _sweep = GCHandle.Alloc(sweep, GCHandleType.Weak);

        ~Gen2Callback()
        {
            if (_sweep.Target is not Sweep<T> sweep)
            {
                // Stryker disable once Statement : freeing the weak handle of a dead thread's table only avoids a leak of one handle; no behaviour can observe it (equivalent mutant)
                _sweep.Free(); // the thread and its table are gone
            }
            else if (!Environment.HasShutdownStarted)
            {
                try
                {
                    sweep.TrimIfIdle();
                }
                catch (OutOfMemoryException)
                {
                    // Trimming allocates a little (a fresh first page, smaller collections). Out of memory on the finalizer
                    // thread would abort the process; a table left untrimmed until the next collection costs nothing.
                }

                GC.ReRegisterForFinalize(this);
            }
        }

        public static void Register(Sweep<T> sweep) => _ = new Gen2Callback(sweep);
    }
}
