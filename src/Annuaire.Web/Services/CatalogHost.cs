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
/// Loads the content at start-up, then watches the folder: a burst of changes triggers one
/// background rebuild, swapped atomically; cached pages are evicted. If a reload fails (folder
/// deleted, unreadable, emptied), the last good index keeps serving and health reports « dégradé ».
/// With <see cref="AnnuaireOptions.IndexPath"/>, every index built is also saved on disk and the
/// next start serves it at once (then refreshes it in the background if the content changed); a
/// missing, corrupt or outdated saved index is rebuilt from the content.
/// </summary>
public sealed class CatalogHost : IHostedService, IDisposable
{
    /// <summary>Output-cache tag of everything derived from the index.</summary>
    public const string CacheTag = "index";

    private readonly OfferSearchEngine _engine;
    private readonly IOutputCacheStore _cache;
    private readonly ILogger<CatalogHost> _logger;
    private readonly TimeProvider _clock;
    private readonly AnnuaireOptions _options;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private FileSystemWatcher? _watcher;
    private Timer? _debounce;
    private Task _startupRefresh = Task.CompletedTask;

    /// <summary>Creates the host.</summary>
    public CatalogHost(OfferSearchEngine engine, IOutputCacheStore cache, IOptions<AnnuaireOptions> options, ILogger<CatalogHost> logger, TimeProvider clock)
    {
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

    /// <summary>Where the index is saved, or null when it lives in memory only.</summary>
    public string? IndexPath { get; }

    /// <summary>Diagnostics of the last successful load.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; private set; } = [];

    /// <summary>Why the last reload failed, or null.</summary>
    public string? LastError { get; private set; }

    /// <summary>Why the last save of the index on disk failed, or null.</summary>
    public string? SaveError { get; private set; }

    /// <summary>Where the index served at start-up came from (French, for health and diagnostics).</summary>
    public string StartupSource { get; private set; } = "contenu";

    /// <summary>Number of completed reloads (for tests and health).</summary>
    public int Reloads { get; private set; }

    /// <summary>Completes when the background check that follows a start from the saved index is done.</summary>
    public Task StartupRefresh => _startupRefresh;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(ContentPath, ContentLoader.OffersFolder)))
        {
            throw new InvalidOperationException(
                $"Dossier de contenu introuvable ou incomplet : « {ContentPath} » doit contenir offres/ et referentiels/. Réglez Annuaire:ContentPath.");
        }

        if (IndexPath is null || !TryStartFromSavedIndex(IndexPath))
        {
            Load();
        }

        _watcher = new FileSystemWatcher(ContentPath) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.Error += (_, e) => _logger.LogWarning(e.GetException(), "Surveillance du contenu interrompue");
        _watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
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
            _logger.LogWarning("Index enregistré inutilisable, reconstruction depuis le contenu : {Reason}", ex.Message);
            return false;
        }

        // The content may have changed while the site was stopped: compare, rebuild only if needed.
        _startupRefresh = Task.Run(() => ReloadAsync(onlyIfChanged: true));
        return true;
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        // Debounce: every change pushes the reload back, so a `git pull` gives one rebuild.
        _debounce ??= new Timer(_ => _ = ReloadAsync(), null, Timeout.Infinite, Timeout.Infinite);
        _debounce.Change(_options.ReloadDebounceMilliseconds, Timeout.Infinite);
    }

    /// <summary>Reloads the content and swaps the index; never throws.</summary>
    public Task ReloadAsync() => ReloadAsync(onlyIfChanged: false);

    private async Task ReloadAsync(bool onlyIfChanged)
    {
        await _reloadGate.WaitAsync();
        try
        {
            if (Load(onlyIfChanged))
            {
                await _cache.EvictByTagAsync(CacheTag, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Public through /healthz: the reason in French, never a server path; details go to the log.
            var reason = ex switch
            {
                NoOffersException => $"aucun fichier d'offre sous {ContentLoader.OffersFolder}/",
                DirectoryNotFoundException => "dossier de contenu introuvable",
                UnauthorizedAccessException => "droits de lecture insuffisants sur le contenu",
                _ => "contenu illisible",
            };
            LastError = $"Rechargement impossible ({reason}) : l'index précédent reste en service.";
            _logger.LogError(ex, "Rechargement du contenu impossible ; l'index précédent reste en service");
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    /// <summary>Loads the content and swaps a new index in; false when skipped because nothing changed.</summary>
    private bool Load(bool onlyIfChanged = false)
    {
        var catalog = ContentLoader.Load(ContentPath, ValidationOptions.ForToday(_clock, _options.StaleAfterMonths));
        var served = _engine.Status;
        if (catalog.FileCount == 0 && served is { OfferCount: > 0 })
        {
            // A vanished or emptied offres/ folder (unmounted volume, checkout in progress) must not empty the directory.
            throw new NoOffersException();
        }

        Diagnostics = catalog.Diagnostics;
        LastError = null;
        Reloads++;
        foreach (var error in catalog.Diagnostics.Where(d => d.IsError))
        {
            _logger.LogWarning("Fichier ignoré : {Diagnostic}", error.ToString());
        }

        if (onlyIfChanged && served?.Fingerprint == catalog.Fingerprint)
        {
            _logger.LogInformation("Index enregistré à jour : {Offers} offres, {Errors} fichier(s) en erreur", catalog.Offers.Count, catalog.ErrorCount);
            return false;
        }

        _engine.Rebuild(catalog);
        _logger.LogInformation("Index construit : {Offers} offres, {Errors} fichier(s) en erreur", catalog.Offers.Count, catalog.ErrorCount);
        Save();
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

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _watcher = null;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
        _reloadGate.Dispose();
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
