using System.Diagnostics;
using Annuaire.Content;
using Annuaire.Content.Model;
using Annuaire.Content.Parsing;
using Annuaire.Content.Referentials;
using Annuaire.Content.Text;
using Annuaire.Search.Analysis;
using Annuaire.Search.Indexing;
using Annuaire.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Annuaire.Search;

/// <summary>
/// The search engine: holds the current index generation, swaps it atomically on rebuild, and
/// answers searches, suggestions and lookups. Thread-safe; build one per application.
/// </summary>
public sealed class OfferSearchEngine : IDisposable
{
    private readonly TimeProvider _clock;
    private readonly System.Threading.Lock _swapLock = new();
    private IndexGeneration? _current;
    private long _generations;

    /// <summary>Creates an empty engine; call <see cref="Rebuild"/> or <see cref="LoadIndex"/>.</summary>
    public OfferSearchEngine(TimeProvider clock)
    {
        _clock = clock;
    }

    /// <summary>The index being served, or null before the first build.</summary>
    public IndexStatus? Status
    {
        get
        {
            var current = Volatile.Read(ref _current);
            return current is null ? null : StatusOf(current);
        }
    }

    /// <summary>The referentials of the index being served.</summary>
    public ReferentialSet? Referentials => Volatile.Read(ref _current)?.Referentials;

    /// <summary>Builds a fresh in-memory index from a loaded catalogue, then swaps it in.</summary>
    public IndexStatus Rebuild(ContentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var analyzers = new OfferAnalyzers(catalog.Referentials.Synonyms);
        var directory = new RAMDirectory();
        OfferIndexBuilder.Build(catalog.Offers, catalog.Referentials, analyzers, directory, IndexFolder.CommitData(catalog.Fingerprint));
        var offers = catalog.Offers.ToDictionary(o => o.Id, StringComparer.Ordinal);
        return Swap(directory, offers, catalog.Referentials, analyzers, catalog.Fingerprint);
    }

    /// <summary>
    /// Loads an index saved by <see cref="SaveIndex(string)"/> or <see cref="WriteIndex"/> (copied
    /// into memory: no memory-mapped files), after checking every checksum and the engine version.
    /// The referentials come from the content folder that produced it.
    /// </summary>
    /// <exception cref="IndexUnusableException">Missing, corrupt or written by another version; nothing is swapped.</exception>
    public IndexStatus LoadIndex(string indexPath, ReferentialSet referentials)
    {
        ArgumentNullException.ThrowIfNull(indexPath);
        ArgumentNullException.ThrowIfNull(referentials);
        var loaded = IndexFolder.Load(indexPath);
        return Swap(loaded.Directory, loaded.Offers, referentials, new OfferAnalyzers(referentials.Synonyms), loaded.Fingerprint);
    }

    /// <summary>
    /// Saves the index being served to <paramref name="indexPath"/> through a staging folder
    /// renamed at the end: if writing fails (disk full…), the index already there stays whole.
    /// </summary>
    /// <exception cref="IOException">When the index could not be written.</exception>
    /// <exception cref="InvalidOperationException">Before the first build.</exception>
    public void SaveIndex(string indexPath) =>
        SaveIndex(indexPath, folder => new SimpleFSDirectory(folder));

    /// <summary><see cref="SaveIndex(string)"/> with the staging folder opened by <paramref name="open"/> (fault injection).</summary>
    internal void SaveIndex(string indexPath, Func<DirectoryInfo, LuceneDirectory> open)
    {
        ArgumentNullException.ThrowIfNull(indexPath);
        var saved = WithSearcher(
            (generation, _) =>
            {
                IndexFolder.Save(generation.Directory, indexPath, open);
                return true;
            },
            () => false);
        if (!saved)
        {
            throw new InvalidOperationException("Aucun index à enregistrer : le contenu n'a pas encore été chargé.");
        }
    }

    /// <summary>Writes the catalogue's index to a folder (<c>annuaire index</c>), through a new folder swapped in at the end.</summary>
    public static int WriteIndex(ContentCatalog catalog, string indexPath)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        using var engine = new OfferSearchEngine(TimeProvider.System);
        engine.Rebuild(catalog);
        engine.SaveIndex(indexPath);
        return catalog.Offers.Count;
    }

    private IndexStatus Swap(LuceneDirectory directory, Dictionary<string, Offer> offers, ReferentialSet referentials, OfferAnalyzers analyzers, string fingerprint)
    {
        IndexGeneration next;
        IndexGeneration? previous;
        lock (_swapLock)
        {
            next = new IndexGeneration(++_generations, directory, offers, referentials, analyzers, _clock.GetUtcNow(), fingerprint);
            previous = Interlocked.Exchange(ref _current, next);
        }

        previous?.Retire();
        return StatusOf(next);
    }

    private static IndexStatus StatusOf(IndexGeneration generation) =>
        new(generation.Number, generation.Offers.Count, generation.BuiltAt, [.. generation.Analyzers.SynonymErrors.Select(e => e.ToString())], generation.Fingerprint);

    /// <summary>An offer by id (any status), or null.</summary>
    public Offer? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Volatile.Read(ref _current)?.Offers.GetValueOrDefault(id);
    }

    /// <summary>All offers currently served (any status), ordered by id.</summary>
    public IReadOnlyList<Offer> All() =>
        Volatile.Read(ref _current)?.Offers.Values.OrderBy(o => o.Id, StringComparer.Ordinal).ToList() ?? [];

    /// <summary>Runs a search. Never throws on user input.</summary>
    public SearchResponse Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WithSearcher(
            (generation, searcher) => new SearchExecution(generation, searcher, Today()).Run(request),
            () => new SearchResponse
            {
                Total = 0,
                Hits = [],
                Facets = new Dictionary<FacetDimension, IReadOnlyList<FacetValue>>(),
                Page = 1,
                PageSize = request.PageSize,
                Notices = ["L'index est en cours de construction : réessayez dans quelques secondes."],
            });
    }

    /// <summary>Autocomplete: searches to run (keywords, thématiques) then offer titles.</summary>
    public IReadOnlyList<Suggestion> Suggest(string? prefix, int max = 8)
    {
        var words = TextNormalizer.Fold((prefix ?? string.Empty).Length > 100 ? prefix![..100] : prefix ?? string.Empty)
            .Split([' ', '-', '\'', '’'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(char.IsLetterOrDigit)]))
            .Where(w => w.Length > 0)
            .Take(6)
            .ToList();
        if (words.Count == 0 || words.Sum(w => w.Length) < 2)
        {
            return [];
        }

        max = Math.Clamp(max, 1, 20);
        return WithSearcher((generation, searcher) =>
        {
            var result = generation.Keywords.Match(words).Take(Math.Max(1, max / 2))
                .Select(k => new Suggestion(k, null)).ToList();
            var query = new BooleanQuery();
            foreach (var word in words)
            {
                var gram = word.Length > OfferAnalyzers.MaxSuggestGram ? word[..OfferAnalyzers.MaxSuggestGram] : word;
                query.Add(new TermQuery(new Term(OfferFields.Suggest, gram)), Occur.MUST);
            }

            query.Add(new TermQuery(new Term(OfferFields.FStatut, "archive")), Occur.MUST_NOT);
            foreach (var hit in searcher.Search(query, max).ScoreDocs)
            {
                var id = StoredFieldReader.Read(searcher, hit.Doc, OfferFields.Id);
                if (result.Count < max && id is not null && generation.Offers.TryGetValue(id, out var offer) && !offer.IsExpired(Today()))
                {
                    result.Add(new Suggestion(offer.Titre, offer.Id));
                }
            }

            return (IReadOnlyList<Suggestion>)result;
        }, () => []);
    }

    /// <summary>Offers sharing thématiques with <paramref name="offer"/> and available on its territory.</summary>
    public IReadOnlyList<Offer> Related(Offer offer, int max = 4)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return WithSearcher((generation, searcher) =>
        {
            var query = new BooleanQuery();
            var themes = new BooleanQuery();
            foreach (var t in offer.Thematiques)
            {
                themes.Add(new TermQuery(new Term(OfferFields.FThematique, t)) { Boost = 2 }, Occur.SHOULD);
            }

            foreach (var f in offer.ThematiqueFamilies)
            {
                themes.Add(new TermQuery(new Term(OfferFields.FFamille, f)), Occur.SHOULD);
            }

            query.Add(themes, Occur.MUST);
            var territory = new BooleanQuery { { new TermQuery(new Term(OfferFields.Zone, Offer.France)), Occur.SHOULD } };
            foreach (var dep in offer.ZoneEligibilite.Select(z => generation.Referentials.Territories.DepartementOf(z)).OfType<string>().Distinct())
            {
                territory.Add(new TermQuery(new Term(OfferFields.FDepartement, dep)), Occur.SHOULD);
            }

            query.Add(territory, Occur.MUST);
            query.Add(new TermQuery(new Term(OfferFields.Id, offer.Id)), Occur.MUST_NOT);
            query.Add(new TermQuery(new Term(OfferFields.FStatut, "archive")), Occur.MUST_NOT);
            return (IReadOnlyList<Offer>)searcher.Search(query, max * 2).ScoreDocs
                .Select(d => StoredFieldReader.Read(searcher, d.Doc, OfferFields.Id) is { } id ? generation.Offers.GetValueOrDefault(id) : null)
                .OfType<Offer>()
                .Where(o => !o.IsExpired(Today()))
                .Take(max)
                .ToList();
        }, () => []);
    }

    private DateOnly Today() => FrenchClock.Today(_clock);

    private T WithSearcher<T>(Func<IndexGeneration, IndexSearcher, T> action, Func<T> whenEmpty)
    {
        while (true)
        {
            var generation = Volatile.Read(ref _current);
            if (generation is null)
            {
                return whenEmpty();
            }

            if (!generation.TryLease())
            {
                continue; // Swapped and drained between the read and the lease: take the new one.
            }

            try
            {
                var searcher = generation.Searchers.Acquire();
                try
                {
                    return action(generation, searcher);
                }
                finally
                {
                    generation.Searchers.Release(searcher);
                }
            }
            finally
            {
                generation.Release();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_swapLock)
        {
            Interlocked.Exchange(ref _current, null)?.Retire();
        }
    }

    /// <summary>Measures engine time for <see cref="SearchResponse.ElapsedMicroseconds"/>.</summary>
    internal static long MicrosecondsSince(long start) => (long)Stopwatch.GetElapsedTime(start).TotalMicroseconds;
}
