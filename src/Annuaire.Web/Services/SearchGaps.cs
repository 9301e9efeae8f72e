using Annuaire.Content.Parsing;
using Annuaire.Content.Reporting;
using Microsoft.Extensions.Options;

namespace Annuaire.Web.Services;

/// <summary>
/// The site's « recherches sans réponse » counts (<see cref="SearchGapLog"/>): aggregated words,
/// territory and week only, published from 3 occurrences, kept in a small file next to the index
/// folder (written at most every <see cref="SaveInterval"/> and when the site stops).
/// </summary>
public sealed class SearchGaps : IDisposable
{
    /// <summary>File name suffix added to the index folder's path.</summary>
    public const string FileSuffix = ".recherches-sans-reponse.json";

    /// <summary>Shortest time between two writes of the file.</summary>
    public static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(30);

    private readonly System.Threading.Lock _lock = new();
    private readonly TimeProvider _clock;
    private readonly ILogger<SearchGaps> _logger;
    private readonly SearchGapLog _log;
    private DateTimeOffset _lastSave = DateTimeOffset.MinValue;
    private bool _dirty;

    /// <summary>Loads the counts saved by a previous run, if any.</summary>
    public SearchGaps(IOptions<AnnuaireOptions> options, TimeProvider clock, ILogger<SearchGaps> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        _logger = logger;
        var settings = options.Value;
        FilePath = !string.IsNullOrWhiteSpace(settings.SearchGapsPath) ? Path.GetFullPath(settings.SearchGapsPath)
            : !string.IsNullOrWhiteSpace(settings.IndexPath) ? Path.GetFullPath(settings.IndexPath).TrimEnd(Path.DirectorySeparatorChar) + FileSuffix
            : null;
        _log = Load();
    }

    /// <summary>Where the counts are kept, or null (memory only).</summary>
    public string? FilePath { get; }

    /// <summary>Counts one search with few or no results (anything else is ignored).</summary>
    public void Record(string? text, string? territory, int results)
    {
        lock (_lock)
        {
            if (!_log.Record(text, territory, results, FrenchClock.Today(_clock)))
            {
                return;
            }

            _dirty = true;
            if (_clock.GetUtcNow() - _lastSave >= SaveInterval)
            {
                SaveLocked();
            }
        }
    }

    /// <summary>The published rows.</summary>
    public IReadOnlyList<SearchGapRow> Published()
    {
        lock (_lock)
        {
            return _log.Published();
        }
    }

    /// <summary>The file's content (published rows).</summary>
    public string ToJson()
    {
        lock (_lock)
        {
            return _log.ToJson();
        }
    }

    /// <summary>Writes what is not saved yet.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_dirty)
            {
                SaveLocked();
            }
        }
    }

    private SearchGapLog Load()
    {
        var today = FrenchClock.Today(_clock);
        if (FilePath is null || !File.Exists(FilePath))
        {
            return new SearchGapLog();
        }

        try
        {
            return SearchGapLog.FromJson(File.ReadAllText(FilePath), today);
        }
        catch (IOException ex)
        {
            _logger.LogWarning(ex, "Comptes des recherches sans réponse illisibles ({Path}) : on repart de zéro", FilePath);
            return new SearchGapLog();
        }
    }

    private void SaveLocked()
    {
        _lastSave = _clock.GetUtcNow();
        if (FilePath is null)
        {
            _dirty = false;
            return;
        }

        try
        {
            // Written aside then renamed: a crash never leaves half a file.
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            var temporary = FilePath + ".tmp";
            File.WriteAllText(temporary, _log.ToJson());
            File.Move(temporary, FilePath, overwrite: true);
            _dirty = false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "Comptes des recherches sans réponse non enregistrés ({Path})", FilePath);
        }
    }
}
