using Microsoft.AspNetCore.OutputCaching;

namespace Annuaire.Web.Services;

/// <summary>
/// Wraps the shared (Redis) output cache so that it can only ever speed pages up: every call is
/// bounded by a short timeout; a failure or a timeout is logged once, answered as a miss (reads) or
/// skipped (writes, evictions), and the cache is left alone for a retry period, during which pages
/// are served uncached at full speed. After the period, one request tries again; success closes the
/// incident. Pages can never be stale because of a missed eviction: they are keyed by index version.
/// </summary>
public sealed class ResilientOutputCacheStore : IOutputCacheStore, IDisposable
{
    private readonly IOutputCacheStore _inner;
    private readonly OutputCacheBackend _backend;
    private readonly TimeProvider _clock;
    private readonly ILogger<ResilientOutputCacheStore> _logger;
    private readonly TimeSpan _timeout;
    private readonly long _retryTicks;

    // Timestamp before which the cache is not tried (0 = in service).
    private long _closedUntil;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ResilientOutputCacheStore(IOutputCacheStore inner, OutputCacheBackend backend, TimeProvider clock, ILogger<ResilientOutputCacheStore> logger, TimeSpan timeout, TimeSpan retry)
    {
        _inner = inner;
        _backend = backend;
        _clock = clock;
        _logger = logger;
        _timeout = timeout;
        _retryTicks = (long)(retry.TotalSeconds * clock.TimestampFrequency);
    }

    /// <inheritdoc />
    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        byte[]? value = null;
        await RunAsync(async () => value = await _inner.GetAsync(key, cancellationToken), cancellationToken);
        return value;
    }

    /// <inheritdoc />
    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        RunAsync(() => _inner.SetAsync(key, value, tags, validFor, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) =>
        RunAsync(() => _inner.EvictByTagAsync(tag, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public void Dispose() => (_inner as IDisposable)?.Dispose();

    private async ValueTask RunAsync(Func<ValueTask> operation, CancellationToken cancellationToken)
    {
        if (!TryEnter())
        {
            return;
        }

        var attempt = operation().AsTask();
        try
        {
            await attempt.WaitAsync(_timeout, _clock, cancellationToken);
            Close(null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Observe(attempt);
            throw; // The request itself was aborted: nothing to do with the cache.
        }
#pragma warning disable CA1031 // The cache only speeds pages up: any failure of it (refused connection, timeout, protocol error) must degrade to an uncached page, never fail one.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Observe(attempt);
            Close(ex);
        }
    }

    /// <summary>In service, or the retry period is over and this caller is the one who tries again.</summary>
    private bool TryEnter()
    {
        var closedUntil = Interlocked.Read(ref _closedUntil);
        if (closedUntil == 0)
        {
            return true;
        }

        var now = _clock.GetTimestamp();
        return now >= closedUntil && Interlocked.CompareExchange(ref _closedUntil, now + _retryTicks, closedUntil) == closedUntil;
    }

    /// <summary>Opens (success) or closes (failure) the cache; logs only the changes.</summary>
    private void Close(Exception? failure)
    {
        if (failure is null)
        {
            if (Interlocked.Exchange(ref _closedUntil, 0) != 0)
            {
                _backend.Problem = null;
                _logger.LogInformation("Cache partagé de nouveau joignable : les pages sont de nouveau mises en cache");
            }

            return;
        }

        var wasOpen = Interlocked.Exchange(ref _closedUntil, _clock.GetTimestamp() + _retryTicks) == 0;
        _backend.Problem = failure is TimeoutException
            ? "Cache partagé (Redis) trop lent : pages servies sans cache, nouvel essai dans quelques secondes."
            : "Cache partagé (Redis) injoignable : pages servies sans cache, nouvel essai dans quelques secondes.";
        if (wasOpen)
        {
            _logger.LogWarning(failure, "Cache partagé injoignable ou trop lent : pages servies sans cache jusqu'à son retour");
        }
    }

    /// <summary>A call abandoned after the timeout may still fail later: its exception is observed, not left to the finalizer.</summary>
    private static void Observe(Task attempt) =>
        attempt.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
