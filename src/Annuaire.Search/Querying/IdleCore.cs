using System.Runtime.ExceptionServices;

namespace Annuaire.Search.Querying;

/// <summary>
/// Runs independent pieces of work, all but the first offered to idle threads of the pool (the
/// halves of a page to mark, the workers of a split pass). The calling thread never waits for a
/// thread that has not started: when the first piece is done and another is still queued (a busy
/// pool), the caller takes it back and runs it itself. Blocking on queued work instead is how a
/// loaded server starves its own thread pool.
/// </summary>
internal static class IdleCore
{
    private const int Queued = 0;
    private const int Running = 1;
    private const int TakenBack = 2;

    /// <summary>Runs <paramref name="first"/> here and <paramref name="second"/> on an idle thread if one takes it in time.</summary>
    public static void Both(Action first, Action second) => All(first, [second]);

    /// <summary>Runs <paramref name="first"/> here and each of <paramref name="others"/> on an idle thread if one takes it in time.</summary>
    public static void All(Action first, IReadOnlyList<Action> others) =>
        All(first, others, static offer => ThreadPool.UnsafeQueueUserWorkItem(static o => o(), offer, preferLocal: false));

    /// <summary><see cref="All(Action, IReadOnlyList{Action})"/> with each other piece handed to <paramref name="queue"/> (tests: a pool that never runs it).</summary>
    internal static void All(Action first, IReadOnlyList<Action> others, Action<Action> queue)
    {
        var offers = new Offer[others.Count];
        for (var i = 0; i < offers.Length; i++)
        {
            offers[i] = new Offer(others[i]);
            queue(offers[i].RunIfStillQueued);
        }

        try
        {
            first();
        }
        finally
        {
            // Every piece is done (here or elsewhere) before returning, even when the first failed.
            ExceptionDispatchInfo? failure = null;
            foreach (var offer in offers)
            {
                try
                {
                    offer.Finish();
                }
#pragma warning disable CA1031 // The first failure is rethrown once every piece is done.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failure ??= ExceptionDispatchInfo.Capture(e);
                }
                finally
                {
                    offer.Dispose();
                }
            }

            failure?.Throw();
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
