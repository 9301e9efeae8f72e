namespace Annuaire.Tests.Shared;

/// <summary>
/// Runs work on a thread of its own and fails if it has not finished within a limit: a guard
/// against hangs (a loop that never ends, a runaway pattern, an alias bomb), never a performance
/// measure (those live in tools/Annuaire.Bench). Its own thread rather than the pool's: while
/// other tests (and other test assemblies, in CI) keep the pool busy, work queued there can wait
/// seconds before it even starts, and the guard would time the queue, not the work.
/// </summary>
internal static class HangGuard
{
    /// <summary>Long enough for a loaded CI machine; short enough that a hang fails the run rather than stalling it.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    /// <summary>Awaits <paramref name="work"/>, run on its own thread; a <see cref="TimeoutException"/> past <see cref="Limit"/>.</summary>
    public static Task<T> RunAsync<T>(Func<T> work) =>
        Start(work).WaitAsync(Limit, TestContext.Current.CancellationToken);

    /// <summary>Waits for <paramref name="work"/>, run on its own thread; fails with <paramref name="what"/> past <paramref name="limit"/> (<see cref="Limit"/> by default).</summary>
    public static T Run<T>(Func<T> work, string what, TimeSpan? limit = null)
    {
        var task = Start(work);
        Assert.True(task.Wait(limit ?? Limit, TestContext.Current.CancellationToken), $"Plus de {(limit ?? Limit).TotalSeconds} s pour : {what}");
        return task.Result;
    }

    private static Task<T> Start<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
