using System.Runtime.ExceptionServices;

namespace Annuaire.Search.Querying;

/// <summary>
/// Runs two independent pieces of work, the second offered to an idle thread of the pool. The
/// calling thread never waits for a thread that has not started: when the first piece is done
/// and the second is still queued (a busy pool), the caller takes it back and runs it itself.
/// Blocking on queued work instead is how a loaded server starves its own thread pool.
/// </summary>
internal static class IdleCore
{
    private const int Queued = 0;
    private const int Running = 1;
    private const int TakenBack = 2;

    /// <summary>Runs <paramref name="first"/> here and <paramref name="second"/> on an idle thread if one takes it in time.</summary>
    public static void Both(Action first, Action second) =>
        Both(first, second, static offer => ThreadPool.UnsafeQueueUserWorkItem(static o => o(), offer, preferLocal: false));

    /// <summary><see cref="Both(Action, Action)"/> with the second piece handed to <paramref name="queue"/> (tests: a pool that never runs it).</summary>
    internal static void Both(Action first, Action second, Action<Action> queue)
    {
        var offer = new Offer(second);
        queue(offer.RunIfStillQueued);
        using (offer)
        {
            try
            {
                first();
            }
            finally
            {
                offer.Finish();
            }
        }
    }

    private sealed class Offer(Action work) : IDisposable
    {
        private readonly ManualResetEventSlim _done = new(initialState: false, spinCount: 20);
        private int _state;
        private ExceptionDispatchInfo? _failure;

        public void RunIfStillQueued()
        {
            if (Interlocked.CompareExchange(ref _state, Running, Queued) != Queued)
            {
                return; // Taken back by the caller.
            }

            try
            {
                work();
            }
#pragma warning disable CA1031 // Handed to the calling thread, which rethrows it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                _done.Set();
            }
        }

        /// <summary>Runs the work here if no thread took it, else waits for it; rethrows its failure.</summary>
        public void Finish()
        {
            if (Interlocked.CompareExchange(ref _state, TakenBack, Queued) == Queued)
            {
                work();
                return;
            }

            _done.Wait();
            _failure?.Throw();
        }

        /// <summary>Only after <see cref="Finish"/>: a thread that took the work has set the event and no longer touches it.</summary>
        public void Dispose() => _done.Dispose();
    }
}
