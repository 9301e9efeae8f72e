using Annuaire.Content.Model;
using Annuaire.Content.Referentials;
using Annuaire.Search.Analysis;
using Annuaire.Search.Facets;
using Annuaire.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Annuaire.Search.Indexing;

/// <summary>
/// One searcher over one state of an <see cref="IndexLineage"/>, with everything that must match
/// it (offers, facet ordinals, the offer of each document). The engine swaps generations
/// atomically; a generation gives its searcher back only once the last search that leased it has
/// finished, so neither a swap nor an incremental update ever fails a search in flight.
/// </summary>
internal sealed class IndexGeneration
{
    private readonly IndexLineage _lineage;
    private readonly LeaseCount _leases = new(); // The owner's lease is the first one.

    /// <param name="number">Sequence number.</param>
    /// <param name="lineage">The index; the generation takes a reference on it.</param>
    /// <param name="searcher">Acquired from the lineage's searcher manager; given back when the generation drains.</param>
    /// <param name="offers">The offers of this state, by id.</param>
    /// <param name="builtAt">When this state was published.</param>
    /// <param name="fingerprint">Content fingerprint of this state.</param>
    /// <param name="previous">
    /// The generation it follows on the same lineage, or null: its referential-derived data and
    /// what it read of the segments both share are reused.
    /// </param>
    /// <param name="offersKept">
    /// Whether an offer that was not re-indexed since <paramref name="previous"/> is the same
    /// object in both (an incremental update; not when the catalogue was read again as a whole).
    /// </param>
    /// <param name="catalogueOrder">The offers in catalogue order (the first spelling of a keyword is the one suggested), or null for the order of <paramref name="offers"/>.</param>
    /// <param name="postingsMinDocFreq">Documents of a segment from which a term's postings are decoded once (see <see cref="PostingsCache"/>), for a first generation.</param>
    public IndexGeneration(long number, IndexLineage lineage, IndexSearcher searcher, IReadOnlyDictionary<string, Offer> offers, DateTimeOffset builtAt, string fingerprint, IndexGeneration? previous, bool offersKept = false, IEnumerable<Offer>? catalogueOrder = null, int postingsMinDocFreq = PostingsCache.DefaultMinDocFreq)
    {
        if (!lineage.TryAddReference())
        {
            throw new InvalidOperationException("Index lineage already closed.");
        }

        Number = number;
        _lineage = lineage;
        Searcher = searcher;
        Fingerprint = fingerprint;
        Offers = offers;
        BuiltAt = builtAt;
        Referentials = lineage.Referentials;
        // Suggestions walk every offer: built by the first suggestion asked of this generation, not
        // by the update (which would pay it at every edit). Only a built predecessor is kept, never
        // a chain of generations.
        var basis = previous is null ? null : previous._keywords.IsValueCreated ? previous._keywords.Value : previous._keywordsBasis;
        _keywordsBasis = basis;
        _keywords = new Lazy<KeywordSuggestions>(() => KeywordSuggestions.From(catalogueOrder ?? offers.Values, Referentials, basis), LazyThreadSafetyMode.ExecutionAndPublication);
        TerritoryNames = previous is not null && ReferenceEquals(previous.Referentials, Referentials) ? previous.TerritoryNames : new TerritoryRecognizer(Referentials.Territories);
        Facets = FacetOrdinals.Load(searcher.IndexReader, SearchExecution.AllFacetFields, previous?.Facets);
        _offersByDoc = ReadOffersByDoc(searcher.IndexReader, offers, offersKept ? previous : null);
        Lookups = new TermLookups(searcher.IndexReader, previous?.Lookups.Postings.Retain(searcher.IndexReader) ?? new PostingsCache(minDocFreq: postingsMinDocFreq));
    }

    public long Number { get; }

    /// <summary>Term dictionary lookups on this generation's index (see <see cref="TermLookups"/>).</summary>
    public TermLookups Lookups { get; }

    /// <summary>Fingerprint of the content this generation was built from.</summary>
    public string Fingerprint { get; }

    /// <summary>The index this generation reads.</summary>
    public IndexLineage Lineage => _lineage;

    /// <summary>The searcher of this state (thread-safe; only use it under a lease).</summary>
    public IndexSearcher Searcher { get; }

    public IReadOnlyDictionary<string, Offer> Offers { get; }

    /// <summary>The referentials of this state (those of its lineage when it was published).</summary>
    public ReferentialSet Referentials { get; }

    public OfferAnalyzers Analyzers => _lineage.Analyzers;

    public DateTimeOffset BuiltAt { get; }

    /// <summary>Keyword suggestions of this generation's offers (built on first use).</summary>
    public KeywordSuggestions Keywords => _keywords.Value;

    private readonly Lazy<KeywordSuggestions> _keywords;

    private readonly KeywordSuggestions? _keywordsBasis;

    public TerritoryRecognizer TerritoryNames { get; }

    public FacetOrdinals Facets { get; }

    /// <summary>The offer of each document (by global doc id): hits need no stored-field read.</summary>
    public IReadOnlyList<Offer?> OffersByDoc => _offersByDoc;

    private readonly Offer?[] _offersByDoc;

    /// <summary>The documents listed on <paramref name="today"/> (<see cref="OfferVisibility"/>), computed once a day.</summary>
    public DocSet ListedOn(DateOnly today, IndexReader reader)
    {
        var cached = Volatile.Read(ref _listed);
        if (cached is not null && cached.Day == today)
        {
            return cached.Docs;
        }

        var docs = DocSet.Where(reader, doc => OffersByDoc[doc] is { } offer && OfferVisibility.IsListed(offer, today));
        Volatile.Write(ref _listed, new ListedDocs(today, docs));
        return docs;
    }

    /// <summary>
    /// The documents of a filter query, cached for this generation (filters repeat: a département,
    /// a thématique…). Bounded: the cache starts over past <see cref="MaxCachedFilters"/> entries.
    /// </summary>
    public DocSet Filter(IndexSearcher searcher, Query filter)
    {
        var key = filter.ToString();
        if (_filters.TryGetValue(key, out var docs))
        {
            return docs;
        }

        docs = DocSet.Of(searcher, filter);
        if (_filters.Count >= MaxCachedFilters)
        {
            _filters.Clear();
        }

        _filters[key] = docs;
        return docs;
    }

    private const int MaxCachedFilters = 2048;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DocSet> _filters = new(StringComparer.Ordinal);

    private ListedDocs? _listed;

    private sealed record ListedDocs(DateOnly Day, DocSet Docs);

    /// <summary>
    /// The offer of each live document. Segments shared with <paramref name="previous"/> (same
    /// core: same documents) copy its offers and only drop the documents deleted since; only new
    /// segments read their ids.
    /// </summary>
    private static Offer?[] ReadOffersByDoc(IndexReader reader, IReadOnlyDictionary<string, Offer> offers, IndexGeneration? previous)
    {
        var result = new Offer?[reader.MaxDoc];
        var before = previous?.Searcher.IndexReader.Leaves.ToDictionary(l => l.AtomicReader.CoreCacheKey, l => l.DocBase);
        var id = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var live = segment.LiveDocs;
            if (before is not null && before.TryGetValue(segment.CoreCacheKey, out var docBase))
            {
                Array.Copy(previous!._offersByDoc, docBase, result, leaf.DocBase, segment.MaxDoc);
                for (var doc = 0; live is not null && doc < segment.MaxDoc; doc++)
                {
                    if (!live.Get(doc))
                    {
                        result[leaf.DocBase + doc] = null;
                    }
                }

                continue;
            }

            var ids = segment.GetSortedDocValues(OfferFields.IdValue);
            for (var doc = 0; ids is not null && doc < segment.MaxDoc; doc++)
            {
                if (live is null || live.Get(doc))
                {
                    ids.Get(doc, id);
                    result[leaf.DocBase + doc] = offers.GetValueOrDefault(id.Utf8ToString());
                }
            }
        }

        return result;
    }

    /// <summary>Takes a lease; false when the generation is already retired and drained.</summary>
    public bool TryLease() => _leases.TryTake();

    /// <summary>Returns a lease; the last one out gives the searcher back and releases the lineage.</summary>
    public void Release()
    {
        if (_leases.Return())
        {
            _lineage.Searchers.Release(Searcher);
            _lineage.Release();
        }
    }

    /// <summary>Called once by the engine when a newer generation replaces this one.</summary>
    public void Retire() => Release();
}
