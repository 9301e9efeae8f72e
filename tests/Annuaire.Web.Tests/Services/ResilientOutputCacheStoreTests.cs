using Annuaire.Web.Services;
using Annuaire.Web.Tests.Replicas;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Annuaire.Web.Tests.Services;

/// <summary>The shared cache can only speed pages up: failing or slow, it answers misses and logs once.</summary>
public sealed class ResilientOutputCacheStoreTests : IDisposable
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(15);

    private readonly ManualClock _clock = new();
    private readonly FlakyStore _inner = new();
    private readonly OutputCacheBackend _backend = new(OutputCacheBackend.Redis);
    private readonly RecordingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggers;
    private readonly ResilientOutputCacheStore _store;

    public ResilientOutputCacheStoreTests()
    {
        _loggers = LoggerFactory.Create(b => b.AddProvider(_logs));
        _store = new ResilientOutputCacheStore(_inner, _backend, _clock, _loggers.CreateLogger<ResilientOutputCacheStore>(), TimeSpan.FromMilliseconds(100), Retry);
    }

    public void Dispose()
    {
        _store.Dispose();
        _loggers.Dispose();
    }

    [Fact]
    public async Task Get_WhenRedisRefusesConnections_AnswersMissLogsOnceAndLeavesItAloneUntilTheRetry()
    {
        _inner.Failure = new RedisConnectionException(ConnectionFailureType.UnableToConnect, "refusé");

        for (var i = 0; i < 5; i++)
        {
            Assert.Null(await _store.GetAsync("page", TestContext.Current.CancellationToken));
            await _store.SetAsync("page", [1], ["index"], TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        }

        Assert.Equal(1, _inner.Calls);
        Assert.Single(_logs.Warnings<ResilientOutputCacheStore>());
        Assert.Contains("injoignable", _backend.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WhenRedisIsBackAfterTheRetryPeriod_ServesFromItAgain()
    {
        _inner.Failure = new RedisConnectionException(ConnectionFailureType.SocketFailure, "coupé");
        await _store.GetAsync("page", TestContext.Current.CancellationToken);
        _inner.Failure = null;
        _inner.Value = [42];

        _clock.Advance(Retry - TimeSpan.FromSeconds(1));
        Assert.Null(await _store.GetAsync("page", TestContext.Current.CancellationToken));
        _clock.Advance(TimeSpan.FromSeconds(2));
        var value = await _store.GetAsync("page", TestContext.Current.CancellationToken);

        Assert.Equal([42], value);
        Assert.Null(_backend.Problem);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task Get_WhenRedisHangs_AnswersMissAfterTheTimeout()
    {
        _inner.Hang = true;

        var value = await _store.GetAsync("page", TestContext.Current.CancellationToken);
        await _store.EvictByTagAsync("index", TestContext.Current.CancellationToken);

        Assert.Null(value);
        Assert.Equal(1, _inner.Calls);
        Assert.Contains("trop lent", _backend.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WhenTheRequestIsAborted_StillThrowsTheCancellation()
    {
        _inner.Hang = true;
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _store.GetAsync("page", aborted.Token));
        Assert.Null(_backend.Problem);
    }

    /// <summary>Timestamps move only when told (timers stay real, for the timeout).</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _timestamp = 1_000_000;

        public override long GetTimestamp() => Interlocked.Read(ref _timestamp);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _timestamp, (long)(by.TotalSeconds * TimestampFrequency));
    }

    private sealed class FlakyStore : IOutputCacheStore
    {
        public Exception? Failure { get; set; }

        public bool Hang { get; set; }

        public byte[]? Value { get; set; }

        public int Calls { get; private set; }

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => Run<bool>(() => true).AsValueTaskVoid();

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => Run(() => Value);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => Run<bool>(() => true).AsValueTaskVoid();

        private ValueTask<T> Run<T>(Func<T> answer)
        {
            Calls++;
            if (Hang)
            {
                return new ValueTask<T>(new TaskCompletionSource<T>().Task);
            }

            return Failure is { } failure ? ValueTask.FromException<T>(failure) : ValueTask.FromResult(answer());
        }
    }
}

internal static class ValueTaskExtensions
{
    public static async ValueTask AsValueTaskVoid<T>(this ValueTask<T> task) => await task;
}
