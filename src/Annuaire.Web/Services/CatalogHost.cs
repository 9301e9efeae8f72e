using System.Globalization;
using System.Threading.Channels;
using Annuaire.Content;
using Annuaire.Content.Diagnostics;
using Annuaire.Content.Parsing;
using Annuaire.Content.Referentials;
using Annuaire.Search;
using Annuaire.Search.Indexing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Annuaire.Web.Services;

/// <summary>
/// Loads the content at start-up, then watches the folder: a burst of changes (signalled through a
/// channel) triggers one background rebuild, swapped atomically; cached pages are evicted. Every
/// failure of a load is caught and reported (<see cref="LastError"/>, health « dégradé », reason in
/// French): the last good index keeps serving. Start-up never fails on bad content: it serves the
/// saved index or, failing that, an empty index, and says so. With <see cref="AnnuaireOptions.IndexPath"/>,
/// every index built is also saved on disk and the next start serves it at once (then refreshes it
/// in the background if the content changed); a missing, corrupt or outdated saved index is rebuilt
/// from the content.
/// </summary>
public sealed class CatalogHost : BackgroundService, ICatalogSource
{
    /// <summary>Output-cache tag of everything derived from the index.</summary>
    public const string CacheTag = "index";

    private readonly OfferSearchEngine _engine;
    private readonly IOutputCacheStore _cache;
    private readonly ILogger<CatalogHost> _logger;
    private readonly TimeProvider _clock;
    private readonly AnnuaireOptions _options;
    private const int FingerprintDigits = 12;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);

    // One pending "something changed" is enough: further signals while one waits add nothing.
    private ContentCatalog? _lastCatalog; // Only touched by loads, which the reload gate serialises.
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private FileSystemWatcher? _watcher;
    private Task _startupRefresh = Task.CompletedTask;
    private long _pendingSince = -1;

    // Paths the watcher reported since the last load: the next load looks only at them. Null means
    // "list everything" (start, events lost, a failed load whose paths were taken).
    private readonly System.Threading.Lock _pathsLock = new();
    private HashSet<string>? _changedPaths;

    /// <summary>Creates the host.</summary>
    public CatalogHost(OfferSearchEngine engine, IOutputCacheStore cache, IOptions<AnnuaireOptions> options, ILogger<CatalogHost> logger, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _engine = engine;
        _cache = cache;
        _logger = logger;
        _clock = clock;
        _options = options.Value;
        ContentPath = _options.ResolveContentPath();
        IndexPath = string.IsNullOrWhiteSpace(_options.IndexPath) ? null : Path.GetFullPath(_options.IndexPath);
    }

    /// <summary>The content folder being served.</summary>
    public string ContentPath { get; }

    /// <inheritdoc />
    public AnnuaireMode Mode => AnnuaireMode.Standalone;

    /// <inheritdoc />
    public string? IndexVersion => _engine.Status is { } status
        ? status.Fingerprint.Length >= FingerprintDigits ? status.Fingerprint[..FingerprintDigits] : "g" + status.Generation.ToString(CultureInfo.InvariantCulture)
        : null;

    /// <inheritdoc />
    public bool IndexSaved => IndexPath is not null;

    /// <summary>Where the index is saved, or null when it lives in memory only.</summary>
    public string? IndexPath { get; }

    /// <summary>Diagnostics of the last successful load.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; private set; } = [];

    /// <summary>Why the last load failed (French, without server paths), or null.</summary>
    public string? LastError { get; private set; }

    /// <summary>Why the last save of the index on disk failed, or null.</summary>
    public string? SaveError { get; private set; }

    /// <summary>Where the index served at start-up came from (French, for health and diagnostics).</summary>
    public string StartupSource { get; private set; } = "contenu";

    /// <summary>Number of completed reloads (for tests and health).</summary>
    public int Reloads { get; private set; }

    /// <summary>How long a change of the content has been waiting for its reload, or null when none waits.</summary>
    public TimeSpan? ChangePendingFor
    {
        get
        {
            var since = Interlocked.Read(ref _pendingSince);
            return since < 0 ? null : _clock.GetElapsedTime(since);
        }
    }

    /// <summary>Completes when the background check that follows a start from the saved index is done.</summary>
    public Task StartupRefresh => _startupRefresh;

    /// <summary>
    /// Serves a first index before the site listens: the saved one, else one built from the content,
    /// else (content unusable) an empty one with health « dégradé ». Only a missing content folder,
    /// a configuration mistake, stops the start.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(ContentPath, ContentLoader.OffersFolder)))
        {
            throw new InvalidOperationException(
                $"Dossier de contenu introuvable ou incomplet : « {ContentPath} » doit contenir offres/ et referentiels/. Réglez Annuaire:ContentPath.");
        }

        if (IndexPath is null || !TryStartFromSavedIndex(IndexPath))
        {
            try
            {
                if (Load(onlyIfChanged: false))
                {
                    Save();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Fail(ex);
                ServeEmptyIndex();
            }
        }

        _watcher = new FileSystemWatcher(ContentPath) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.Error += (_, e) =>
        {
            // Events may have been lost (buffer overflow): reload everything to be sure.
            _logger.LogWarning(e.GetException(), "Surveillance du contenu interrompue ; rechargement complet par précaution");
            ListEverythingNextTime();
            Signal();
        };
        _watcher.EnableRaisingEvents = true;
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Debounces the changes and reloads, until the host stops.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var debounce = TimeSpan.FromMilliseconds(_options.ReloadDebounceMilliseconds);
        var reader = _changes.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                // Quiet period: every new change pushes the reload back, so a `git pull` gives one rebuild.
                do
                {
                    reader.TryRead(out _);
                    await Task.Delay(debounce, _clock, stoppingToken);
                }
                while (reader.TryPeek(out _));

                await ReloadAsync(onlyIfChanged: false, listEverything: false, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Stops watching, then stops the reload loop.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _watcher = null;
        await base.StopAsync(cancellationToken);
    }

    /// <summary>Reloads the content (listing every file) and swaps the index; never throws.</summary>
    public Task ReloadAsync() => ReloadAsync(onlyIfChanged: false, listEverything: true, CancellationToken.None);

    /// <inheritdoc />
    public override void Dispose()
    {
        _watcher?.Dispose();
        _reloadGate.Dispose();
        base.Dispose();
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        lock (_pathsLock)
        {
            _changedPaths?.Add(e.FullPath);
            if (e is RenamedEventArgs renamed)
            {
                _changedPaths?.Add(renamed.OldFullPath);
            }
        }

        Signal();
    }

    private void ListEverythingNextTime()
    {
        lock (_pathsLock)
        {
            _changedPaths = null;
        }
    }

    /// <summary>The paths reported since the last load (null: list everything), and a new set for the next one.</summary>
    private HashSet<string>? TakeChangedPaths(bool listEverything)
    {
        lock (_pathsLock)
        {
            var taken = listEverything ? null : _changedPaths;
            _changedPaths = new HashSet<string>(StringComparer.Ordinal);
            return taken;
        }
    }

    private void Signal()
    {
        Interlocked.CompareExchange(ref _pendingSince, _clock.GetTimestamp(), -1);
        _changes.Writer.TryWrite(true);
    }

    /// <summary>Serves the saved index at once if it is usable; false means "build from content".</summary>
    private bool TryStartFromSavedIndex(string indexPath)
    {
        try
        {
            var referentials = ReferentialLoader.Load(ContentPath, []);
            var status = _engine.LoadIndex(indexPath, referentials);
            StartupSource = "index enregistré";
            _logger.LogInformation("Index enregistré chargé depuis {Path} : {Offers} offres ; vérification du contenu en arrière-plan", indexPath, status.OfferCount);
        }
        catch (IndexUnusableException ex)
        {
            StartupSource = ex.Problem switch
            {
                IndexProblem.Missing => "contenu (pas encore d'index enregistré)",
                IndexProblem.OtherVersion => "contenu (index enregistré par une autre version)",
                _ => "contenu (index enregistré corrompu)",
            };
            _logger.LogWarning("Index enregistré inutilisable, reconstruction depuis le contenu : {Reason}", IndexErrorWording.Of(ex));
            return false;
        }

        // The content may have changed while the site was stopped: compare, rebuild only if needed.
        _startupRefresh = Task.Run(() => ReloadAsync(onlyIfChanged: true, listEverything: true, CancellationToken.None));
        return true;
    }

    private async Task ReloadAsync(bool onlyIfChanged, bool listEverything, CancellationToken cancellationToken)
    {
        await _reloadGate.WaitAsync(cancellationToken);
        try
        {
            // Whatever arrives from now on needs another reload; what came before is covered by this one.
            Interlocked.Exchange(ref _pendingSince, _changes.Reader.Count > 0 ? _clock.GetTimestamp() : -1);
            if (Load(onlyIfChanged, TakeChangedPaths(listEverything)))
            {
                // Pages first (the change is searchable from here), then the copy on disk.
                await _cache.EvictByTagAsync(CacheTag, cancellationToken);
                if (_changes.Reader.Count == 0)
                {
                    Save();
                }
                else
                {
                    // Another change already waits (a burst, a `git pull`): its reload saves the index once for all.
                    _logger.LogDebug("Enregistrement de l'index reporté au rechargement suivant");
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Fail(ex);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    /// <summary>Records a failed load: public reason in French, never a server path; details go to the log.</summary>
    private void Fail(Exception ex)
    {
        var reason = ex switch
        {
            NoOffersException => $"aucun fichier d'offre sous {ContentLoader.OffersFolder}/",
            DirectoryNotFoundException => "dossier de contenu introuvable",
            UnauthorizedAccessException => "droits de lecture insuffisants sur le contenu",
            IOException => "contenu illisible",
            OutOfMemoryException => "mémoire insuffisante",
            _ => "erreur inattendue, voir le journal du serveur",
        };
        LastError = _engine.Status is { OfferCount: > 0 }
            ? $"Rechargement impossible ({reason}) : l'index précédent reste en service."
            : $"Chargement du contenu impossible ({reason}) : aucune offre n'est servie.";
        _logger.LogError(ex, "Chargement du contenu impossible ; l'index précédent reste en service s'il existe");
    }

    /// <summary>
    /// An index without offers, so that pages answer (and say the directory is empty) rather than the
    /// site failing to start; if even that fails, no index is served and readiness says so.
    /// </summary>
    private void ServeEmptyIndex()
    {
        try
        {
            var diagnostics = new List<Diagnostic>();
            var referentials = ReferentialLoader.Load(ContentPath, diagnostics);
            _engine.Rebuild(new ContentCatalog { Root = ContentPath, Referentials = referentials, Offers = [], Diagnostics = diagnostics, FileCount = 0 });
            StartupSource = "index vide (contenu inutilisable)";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            StartupSource = "aucun index (contenu inutilisable)";
            _logger.LogError(ex, "Impossible de servir même un index vide");
        }
    }

    /// <summary>
    /// Loads the content (reading only the files changed since the last load, and listing only
    /// <paramref name="changedPaths"/> when known) and brings the index to it (re-indexing only the
    /// offers that changed); false when nothing changed. The caller saves the index.
    /// </summary>
    private bool Load(bool onlyIfChanged, HashSet<string>? changedPaths = null)
    {
        ContentCatalog catalog;
        try
        {
            catalog = ContentLoader.Load(ContentPath, ValidationOptions.ForToday(_clock, _options.StaleAfterMonths), _lastCatalog, changedPaths);
        }
        catch
        {
            ListEverythingNextTime(); // The paths taken for this load are not covered by any catalogue.
            throw;
        }

        var served = _engine.Status;
        if (catalog.FileCount == 0 && served is { OfferCount: > 0 })
        {
            // A vanished or emptied offres/ folder (unmounted volume, checkout in progress) must not empty the directory.
            throw new NoOffersException();
        }

        Diagnostics = catalog.Diagnostics;
        LastError = null;
        Reloads++;
        foreach (var error in catalog.Diagnostics.Where(d => d.IsError).Take(50))
        {
            _logger.LogWarning("Fichier ignoré : {Diagnostic}", error.ToString());
        }

        var unchanged = served?.Fingerprint == catalog.Fingerprint;
        var (_, changed) = _engine.Apply(catalog);
        _lastCatalog = catalog;
        if (unchanged)
        {
            _logger.LogInformation("Index {State} : {Offers} offres, {Errors} fichier(s) en erreur", onlyIfChanged ? "enregistré à jour" : "à jour", catalog.Offers.Count, catalog.ErrorCount);
            return false;
        }

        if (changed < 0)
        {
            _logger.LogInformation("Index construit : {Offers} offres, {Errors} fichier(s) en erreur", catalog.Offers.Count, catalog.ErrorCount);
        }
        else
        {
            _logger.LogInformation("Index mis à jour : {Changed} offre(s) réindexée(s) ou retirée(s) sur {Offers}, {Errors} fichier(s) en erreur", changed, catalog.Offers.Count, catalog.ErrorCount);
        }

        return true;
    }

    /// <summary>Saves the index just built; a failure (disk full…) keeps the previous saved index and is reported, never thrown.</summary>
    private void Save()
    {
        if (IndexPath is null)
        {
            return;
        }

        try
        {
            _engine.SaveIndex(IndexPath);
            SaveError = null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            SaveError = "Index non enregistré sur disque (disque plein ou dossier non inscriptible, voir le journal) : la recherche fonctionne, le prochain démarrage repartira de l'index enregistré précédent ou du contenu.";
            _logger.LogError(ex, "Enregistrement de l'index impossible dans {Path}", IndexPath);
        }
    }

    /// <summary>The content folder holds no offer file at all: never served in place of a real catalogue.</summary>
    private sealed class NoOffersException : IOException
    {
        public NoOffersException()
            : base("Aucun fichier d'offre dans le dossier de contenu.")
        {
        }
    }
}
