using Annuaire.Content.Diagnostics;
using Annuaire.Content.Referentials;
using Annuaire.Search;
using Annuaire.Search.Indexing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Annuaire.Web.Services;

/// <summary>
/// Replica mode (<c>Annuaire:Mode = Replica</c>): never builds an index. Serves the version that the
/// manifest of the shared folder <c>Annuaire:IndexSource</c> designates, checked whole (lengths and
/// SHA-256 of every file, Lucene checksums, same engine) before it is swapped in atomically; reads
/// the manifest again every <c>Annuaire:IndexPollSeconds</c>. A version that is missing, half-written,
/// corrupt or from another engine is refused: the last good one keeps serving, the reason is logged
/// once and shown in health (« dégradé »). With nothing served yet (first start), the newest usable
/// version of the folder is served instead of none.
/// </summary>
public sealed class ReplicaHost : BackgroundService, ICatalogSource
{
    /// <summary>A refused version is checked again after this many polls (a copy may have completed).</summary>
    private const int RetryRefusedAfterPolls = 10;

    private readonly OfferSearchEngine _engine;
    private readonly IOutputCacheStore _cache;
    private readonly ILogger<ReplicaHost> _logger;
    private readonly TimeProvider _clock;
    private readonly IndexVersionStore _store;
    private readonly TimeSpan _pollInterval;
    private readonly SemaphoreSlim _pollGate = new(1, 1);
    private string? _refused;
    private long _retryRefusedAt;
    private string? _reported;
    private volatile string? _served;

    /// <summary>Creates the host.</summary>
    public ReplicaHost(OfferSearchEngine engine, IOutputCacheStore cache, IOptions<AnnuaireOptions> options, ILogger<ReplicaHost> logger, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _engine = engine;
        _cache = cache;
        _logger = logger;
        _clock = clock;
        _store = new IndexVersionStore(options.Value.IndexSource);
        _pollInterval = TimeSpan.FromSeconds(options.Value.IndexPollSeconds);
    }

    /// <inheritdoc />
    public AnnuaireMode Mode => AnnuaireMode.Replica;

    /// <inheritdoc />
    public string? IndexVersion => _served;

    /// <inheritdoc />
    public IReadOnlyList<Diagnostic> Diagnostics => [];

    /// <inheritdoc />
    public string? LastError { get; private set; }

    /// <inheritdoc />
    public string? SaveError => null;

    /// <inheritdoc />
    public string StartupSource { get; private set; } = "aucun index (aucune version publiée utilisable)";

    /// <inheritdoc />
    public TimeSpan? ChangePendingFor => null;

    /// <inheritdoc />
    public bool IndexSaved => false;

    /// <summary>Number of versions swapped in (for tests and health).</summary>
    public int Swaps { get; private set; }

    /// <summary>Serves a first version before the site listens; never fails: without one, readiness says so.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await PollAsync(cancellationToken);
        if (_served is { } version)
        {
            StartupSource = LastError is null ? $"version {version} du dossier partagé" : $"version {version} du dossier partagé (la plus récente utilisable)";
        }

        await base.StartAsync(cancellationToken);
    }

    /// <summary>Reads the manifest every poll interval until the host stops.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_pollInterval, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PollAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Reads the manifest once and swaps in the version it designates if it is new and usable; never throws.</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        await _pollGate.WaitAsync(cancellationToken);
        try
        {
            await PollOnceAsync(cancellationToken);
        }
        finally
        {
            _pollGate.Release();
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _pollGate.Dispose();
        base.Dispose();
    }

    private async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        string target;
        try
        {
            target = _store.ReadManifest();
        }
        catch (IndexUnusableException ex)
        {
            await ServeNewestUsableIfNoneAsync(except: null, cancellationToken);
            Refuse(null, ex);
            return;
        }

        if (target == _served)
        {
            Recover();
            return;
        }

        if (target == _refused && _clock.GetTimestamp() < _retryRefusedAt && _served is not null)
        {
            return; // Refused lately and reported: checked again later, not on every poll.
        }

        if (await TrySwapAsync(target, cancellationToken) is { } problem)
        {
            _refused = target;
            _retryRefusedAt = _clock.GetTimestamp() + (long)(_pollInterval.TotalSeconds * RetryRefusedAfterPolls * _clock.TimestampFrequency);
            await ServeNewestUsableIfNoneAsync(except: target, cancellationToken);
            Refuse(target, problem);
            return;
        }

        Recover();
    }

    /// <summary>Checks, loads and swaps in a version; returns why it could not, or null once it serves.</summary>
    private async Task<IndexUnusableException?> TrySwapAsync(string id, CancellationToken cancellationToken)
    {
        var started = _clock.GetTimestamp();
        try
        {
            var version = _store.Open(id);
            var verified = _clock.GetElapsedTime(started);
            var referentials = ReferentialLoader.Load(version.Folder, []);
            var status = _engine.LoadIndex(version.IndexPath, referentials);
            _served = version.Id;
            Swaps++;
            _logger.LogInformation("Version {Version} de l'index en service : {Offers} offres, vérifiée en {Verified} ms, chargée en {Loaded} ms",
                version.Id, status.OfferCount, (int)verified.TotalMilliseconds, (int)_clock.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (IndexUnusableException ex)
        {
            return ex;
        }
#pragma warning disable CA1031 // Whatever goes wrong with a version (unreadable volume, out-of-range data), the last good one keeps serving.
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return new IndexUnusableException(IndexProblem.Corrupt, _store.Root, id, innerException: ex);
        }

        // Pages of the previous version: dropped on every instance sharing the cache (they are keyed
        // by version too, so none could be served in place of the new one anyway).
        await _cache.EvictByTagAsync(CatalogHost.CacheTag, cancellationToken);
        return null;
    }

    /// <summary>With nothing served (first start, or the folder appeared late), the newest usable version rather than none.</summary>
    private async Task ServeNewestUsableIfNoneAsync(string? except, CancellationToken cancellationToken)
    {
        if (_served is not null)
        {
            return;
        }

        foreach (var id in _store.List().Where(id => id != except))
        {
            if (await TrySwapAsync(id, cancellationToken) is null)
            {
                _logger.LogWarning("Version {Version}, la plus récente utilisable, servie en attendant une version valide dans le manifeste", id);
                return;
            }
        }
    }

    /// <summary>Records why the manifest or a version is refused: logged once per cause, shown in health until it is solved.</summary>
    private void Refuse(string? version, IndexUnusableException problem)
    {
        var reason = IndexErrorWording.Problem(version, problem.Problem);
        LastError = _served is { } served
            ? $"{reason} : la version {served} reste en service."
            : $"{reason} : aucun index n'est servi.";
        var key = $"{version}|{problem.Problem}";
        if (key != _reported)
        {
            _reported = key;
            _logger.LogError(problem, "Version de l'index refusée ({Reason}) ; la version {Served} reste en service", reason, _served ?? "(aucune)");
        }
    }

    private void Recover()
    {
        if (LastError is not null)
        {
            _logger.LogInformation("Dossier des versions de l'index de nouveau utilisable : version {Version} en service", _served);
        }

        LastError = null;
        _reported = null;
        _refused = null;
    }
}
