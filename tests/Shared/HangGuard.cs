namespace Annuaire.Tests.Shared;

/// <summary>
/// Runs synchronous work on a thread of its own and fails if it has not finished within a limit:
/// a guard against hangs (a loop that never ends, a runaway pattern), never a performance
/// measure (those live in tools/Annuaire.Bench). Its own thread rather than the pool's: while
/// other tests (and other test assemblies, in CI) keep the pool busy, work queued there can wait
/// seconds before it even starts, and the guard would time the queue, not the work.
/// </summary>
internal static class HangGuard
{
    /// <summary>Long enough for a loaded CI machine; short enough that a hang fails the run rather than stalling it.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    public static Task<T> RunAsync<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            .WaitAsync(Limit, TestContext.Current.CancellationToken);
}
