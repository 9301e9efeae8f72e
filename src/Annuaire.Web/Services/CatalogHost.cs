using Annuaire.Content;
using Annuaire.Content.Diagnostics;
using Annuaire.Content.Parsing;
using Annuaire.Search;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Annuaire.Web.Services;

/// <summary>
/// Loads the content at start-up, then watches the folder: a burst of changes triggers one
/// background rebuild, swapped atomically; cached pages are evicted. If a reload fails (folder
/// deleted, unreadable), the last good index keeps serving and health reports « dégradé ».
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

    /// <summary>Creates the host.</summary>
    public CatalogHost(OfferSearchEngine engine, IOutputCacheStore cache, IOptions<AnnuaireOptions> options, ILogger<CatalogHost> logger, TimeProvider clock)
    {
        _engine = engine;
        _cache = cache;
        _logger = logger;
        _clock = clock;
        _options = options.Value;
        ContentPath = _options.ResolveContentPath();
    }

    /// <summary>The content folder being served.</summary>
    public string ContentPath { get; }

    /// <summary>Diagnostics of the last successful load.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; private set; } = [];

    /// <summary>Why the last reload failed, or null.</summary>
    public string? LastError { get; private set; }

    /// <summary>Number of completed reloads (for tests and health).</summary>
    public int Reloads { get; private set; }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(ContentPath, ContentLoader.OffersFolder)))
        {
            throw new InvalidOperationException(
                $"Dossier de contenu introuvable ou incomplet : « {ContentPath} » doit contenir offres/ et referentiels/. Réglez Annuaire:ContentPath.");
        }

        Load();
        _watcher = new FileSystemWatcher(ContentPath) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.Error += (_, e) => _logger.LogWarning(e.GetException(), "Surveillance du contenu interrompue");
        _watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        // Debounce: every change pushes the reload back, so a `git pull` gives one rebuild.
        _debounce ??= new Timer(_ => _ = ReloadAsync(), null, Timeout.Infinite, Timeout.Infinite);
        _debounce.Change(_options.ReloadDebounceMilliseconds, Timeout.Infinite);
    }

    /// <summary>Reloads the content and swaps the index; never throws.</summary>
    public async Task ReloadAsync()
    {
        await _reloadGate.WaitAsync();
        try
        {
            Load();
            await _cache.EvictByTagAsync(CacheTag, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            LastError = $"Rechargement impossible ({ex.Message}) : l'index précédent reste en service.";
            _logger.LogError(ex, "Rechargement du contenu impossible ; l'index précédent reste en service");
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    private void Load()
    {
        var catalog = ContentLoader.Load(ContentPath, ValidationOptions.ForToday(_clock, _options.StaleAfterMonths));
        _engine.Rebuild(catalog);
        Diagnostics = catalog.Diagnostics;
        LastError = null;
        Reloads++;
        foreach (var error in catalog.Diagnostics.Where(d => d.IsError))
        {
            _logger.LogWarning("Fichier ignoré : {Diagnostic}", error.ToString());
        }

        _logger.LogInformation("Index construit : {Offers} offres, {Errors} fichier(s) en erreur", catalog.Offers.Count, catalog.ErrorCount);
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
}
