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
/// The search engine: holds the current index generation, swaps it atomically on a rebuild or an
/// incremental update, and answers searches, suggestions and lookups. Thread-safe; build one per
/// application.
/// </summary>
public sealed class OfferSearchEngine : IDisposable
{
    private readonly TimeProvider _clock;
    private readonly System.Threading.Lock _swapLock = new();
    private readonly System.Threading.Lock _updateLock = new();
    private readonly System.Threading.Lock _saveLock = new();
    private readonly MemoryReturn _memory;
    private IndexGeneration? _current;
    private long _generations;
    private readonly int _postingsMinDocFreq;
    private readonly long _returnMemoryAfterBytes;

    /// <summary>Searches running now: a search takes idle cores only (see <see cref="SplitSearch.WorkersFor"/>).</summary>
    private int _running;

    /// <summary>Creates an empty engine; call <see cref="Rebuild"/> or <see cref="LoadIndex"/>.</summary>
    public OfferSearchEngine(TimeProvider clock)
        : this(clock, PostingsCache.DefaultMinDocFreq)
    {
    }

    /// <summary>
    /// An engine whose terms found in <paramref name="postingsMinDocFreq"/> documents of a segment
    /// are walked decoded, and which returns memory through <paramref name="memory"/> after swapping
    /// in an index of more than <paramref name="returnMemoryAfterBytes"/> (tests: a small index then
    /// takes these paths).
    /// </summary>
    internal OfferSearchEngine(TimeProvider clock, int postingsMinDocFreq, MemoryReturn? memory = null, long returnMemoryAfterBytes = DefaultReturnMemoryAfterBytes)
    {
        _clock = clock;
        _memory = memory ?? new MemoryReturn(clock);
        _postingsMinDocFreq = postingsMinDocFreq;
        _returnMemoryAfterBytes = returnMemoryAfterBytes;
    }

    /// <summary>How many times memory was returned to the system once quiet, after updates or a replaced state (see <see cref="MemoryReturn"/>).</summary>
    internal int MemoryReturns => _memory.Returns;

    /// <summary>
    /// Forgets the served generation's dictionary look-ups and typo expansions: the benchmark
    /// measures each of its setups on requests met for the first time, as the first one was.
    /// </summary>
    internal void ForgetLookups() => Volatile.Read(ref _current)?.Lookups.Forget();

    /// <summary>The served generation's decoded postings (for the benchmark's report), or null before the first build.</summary>
    internal PostingsCache? CachedPostings => Volatile.Read(ref _current)?.Lookups.Postings;

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
        lock (_updateLock)
        {
            return RebuildUnderLock(catalog);
        }
    }

    private IndexStatus RebuildUnderLock(ContentCatalog catalog)
    {
        var analyzers = new OfferAnalyzers(catalog.Referentials.Synonyms);
        var directory = new HeapDirectory();
        OfferIndexBuilder.Build(catalog.Offers, catalog.Referentials, analyzers, directory, IndexFolder.CommitData(catalog.Fingerprint));
        var offers = catalog.Offers.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var replaced = Volatile.Read(ref _current) is not null;
        var status = Swap(directory, offers, catalog.Referentials, analyzers, catalog.Fingerprint);
        ReturnMemoryAfterSwapOf(directory, replaced);
        return status;
    }

    /// <summary>Index size past which a full build or a saved index read gives its garbage back to the system.</summary>
    private const long DefaultReturnMemoryAfterBytes = 64L * 1024 * 1024;

    /// <summary>
    /// A large build leaves about as much garbage as the index it made (the slices merged into it,
    /// analysis buffers), and reading a saved index leaves the bytes read; a collection frees it but
    /// keeps the memory committed for reuse. Builds and reads are rare: give it back to the system
    /// once, a short pause that saves hundreds of megabytes for the life of the index. The index
    /// <paramref name="replaced"/>, if any, is garbage only once the searches leasing it end: it is
    /// returned when quiet.
    /// </summary>
    private void ReturnMemoryAfterSwapOf(HeapDirectory directory, bool replaced)
    {
        if (directory.SizeInBytes > _returnMemoryAfterBytes)
        {
            _memory.ReturnNow();
            if (replaced)
            {
                _memory.Released();
            }
        }
    }

    /// <summary>
    /// Brings the index to <paramref name="catalog"/> by updating only the offers that changed:
    /// an offer is re-indexed when the catalogue holds another object for its id (the loader
    /// reuses the objects of unchanged files), deleted when its id is gone, added when new. Falls
    /// back to <see cref="Rebuild"/> when the referentials changed (labels, territories and
    /// synonyms are in every document) or nothing is served yet. Searches in flight finish on the
    /// state they started with.
    /// </summary>
    /// <returns>The status served and the number of offers written or deleted (-1 after a full rebuild).</returns>
    public (IndexStatus Status, int Changed) Apply(ContentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        lock (_updateLock)
        {
            var current = Volatile.Read(ref _current);
            if (current is not null && catalog.Fingerprint.Length > 0 && current.Fingerprint == catalog.Fingerprint)
            {
                if (ReferenceEquals(current.Referentials, catalog.Referentials) && catalog.Offers.All(o => current.Offers.TryGetValue(o.Id, out var served) && ReferenceEquals(served, o)))
                {
                    return (StatusOf(current), 0);
                }

                // The same bytes read again (a saved index at start-up, then the content check):
                // the index already holds them; serve the catalogue's objects so later changes are incremental.
                // Every offer read with the index is garbage once the searches leasing it end.
                current.Lineage.Adopt(catalog.Referentials);
                var adopted = Publish(current.Lineage, current.Lineage.Searchers.Acquire(), catalog.Offers.ToDictionary(o => o.Id, StringComparer.Ordinal), catalog.Fingerprint, current);
                if (current.Lineage.Directory.SizeInBytes > _returnMemoryAfterBytes)
                {
                    _memory.Released();
                }

                return (adopted, 0);
            }

            if (current is null || !ReferenceEquals(current.Referentials, catalog.Referentials))
            {
                // New referentials are in every document.
                return (RebuildUnderLock(catalog), -1);
            }

            var changedOffers = catalog.Offers.Where(o => !current.Offers.TryGetValue(o.Id, out var served) || !ReferenceEquals(served, o)).ToList();
            if (changedOffers.Count > (catalog.Offers.Count / 2) + 100)
            {
                // Past half the catalogue a fresh build is faster than updates.
                return (RebuildUnderLock(catalog), -1);
            }

            // The served offers with the changes: a copy of the dictionary, not a rebuild of it.
            var offers = new Dictionary<string, Offer>(current.Offers, StringComparer.Ordinal);
            var lineage = current.Lineage;
            foreach (var offer in changedOffers)
            {
                offers[offer.Id] = offer;
                lineage.Writer.UpdateDocument(new Term(OfferFields.Id, offer.Id), OfferDocumentFactory.Create(offer, catalog.Referentials));
            }

            var changed = changedOffers.Count;
            if (offers.Count > catalog.Offers.Count)
            {
                // Some offers are gone: only then is every served id looked up in the catalogue.
                var present = catalog.Offers.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var id in offers.Keys.Where(id => !present.Contains(id)).ToList())
                {
                    offers.Remove(id);
                    lineage.Writer.DeleteDocuments(new Term(OfferFields.Id, id));
                    changed++;
                }
            }

            lineage.Searchers.MaybeRefreshBlocking();
            var searcher = lineage.Searchers.Acquire();
            var status = Publish(lineage, searcher, offers, catalog.Fingerprint, current, offersKept: true, catalogueOrder: catalog.Offers);
            _memory.Updated();
            return (status, changed);
        }
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
        lock (_updateLock)
        {
            var replaced = Volatile.Read(ref _current) is not null;
            var status = Swap(loaded.Directory, loaded.Offers, referentials, new OfferAnalyzers(referentials.Synonyms), loaded.Fingerprint);
            ReturnMemoryAfterSwapOf(loaded.Directory, replaced);
            return status;
        }
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
        lock (_saveLock)
        {
            // Changes so far are committed and that commit held; the copy runs outside the update
            // lock, so a save (seconds for a national catalogue) never delays the next update.
            IndexLineage? lineage = null;
            IndexCommit? commit = null;
            IEnumerable<Offer> offers = [];
            lock (_updateLock)
            {
                var generation = Volatile.Read(ref _current);
                if (generation is not null && generation.Lineage.TryAddReference())
                {
                    lineage = generation.Lineage;
                    offers = generation.Offers.Values; // What this commit holds: saved beside it.
                    try
                    {
                        lineage.Commit(IndexFolder.CommitData(generation.Fingerprint));
                        commit = lineage.HoldLastCommit();
                    }
                    catch
                    {
                        lineage.Release();
                        throw;
                    }
                }
            }

            if (lineage is null || commit is null)
            {
                throw new InvalidOperationException("No index to save: the content has not been loaded yet.");
            }

            try
            {
                IndexFolder.Save(lineage.Directory, [.. commit.FileNames], offers, indexPath, open);
            }
            finally
            {
                lock (_updateLock)
                {
                    lineage.ReleaseCommit(commit);
                }

                lineage.Release(); // The last one out closes a lineage replaced meanwhile.
            }
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

    private IndexStatus Swap(HeapDirectory directory, Dictionary<string, Offer> offers, ReferentialSet referentials, OfferAnalyzers analyzers, string fingerprint)
    {
        var lineage = IndexLineage.Open(directory, analyzers, referentials);
        var status = Publish(lineage, lineage.Searchers.Acquire(), offers, fingerprint, null);
        lineage.Retire(); // Its generations hold it from now on: the last one out closes it.
        return status;
    }

    /// <summary>Makes a searcher of <paramref name="lineage"/> the one served; the replaced generation drains and gives its searcher back.</summary>
    private IndexStatus Publish(IndexLineage lineage, IndexSearcher searcher, Dictionary<string, Offer> offers, string fingerprint, IndexGeneration? previousOnLineage, bool offersKept = false, IReadOnlyList<Offer>? catalogueOrder = null)
    {
        IndexGeneration next;
        IndexGeneration? previous;
        try
        {
            lock (_swapLock)
            {
                next = new IndexGeneration(++_generations, lineage, searcher, offers, _clock.GetUtcNow(), fingerprint, previousOnLineage, offersKept, catalogueOrder, _postingsMinDocFreq);
                previous = Interlocked.Exchange(ref _current, next);
            }
        }
        catch
        {
            lineage.Searchers.Release(searcher);
            throw;
        }

        previous?.Retire();
        return StatusOf(next);
    }

    private static IndexStatus StatusOf(IndexGeneration generation) =>
        new(generation.Number, generation.Offers.Count, generation.BuiltAt, generation.Analyzers.SynonymErrors, generation.Fingerprint);

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
        var running = Interlocked.Increment(ref _running);
        try
        {
            return Search(request, SplitSearch.WorkersFor(running), SplitSearch.MinCostToSplit);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    /// <summary>Runs a search with up to <paramref name="workers"/> threads per pass over the index (see <see cref="SplitSearch"/>).</summary>
    internal SearchResponse Search(SearchRequest request, int workers, long minCostToSplit)
    {
        return WithSearcher(
            (generation, searcher) => new SearchExecution(generation, searcher, Today(), workers, minCostToSplit).Run(request),
            () => new SearchResponse
            {
                Total = 0,
                Hits = [],
                Facets = new Dictionary<FacetDimension, IReadOnlyList<FacetValue>>(),
                Page = 1,
                PageSize = request.PageSize,
                Notices = [new SearchNotice.IndexNotReady()],
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

            foreach (var hit in searcher.Search(query, generation.ListedOn(Today(), searcher.IndexReader).AsFilter(), max).ScoreDocs)
            {
                if (result.Count < max && generation.OffersByDoc[hit.Doc] is { } offer)
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
            return (IReadOnlyList<Offer>)searcher.Search(query, generation.ListedOn(Today(), searcher.IndexReader).AsFilter(), max).ScoreDocs
                .Select(d => generation.OffersByDoc[d.Doc])
                .OfType<Offer>()
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
                return action(generation, generation.Searcher);
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
        _memory.Dispose();
        lock (_swapLock)
        {
            Interlocked.Exchange(ref _current, null)?.Retire();
        }
    }

    /// <summary>Measures engine time for <see cref="SearchResponse.ElapsedMicroseconds"/>.</summary>
    internal static long MicrosecondsSince(long start) => (long)Stopwatch.GetElapsedTime(start).TotalMicroseconds;
}
