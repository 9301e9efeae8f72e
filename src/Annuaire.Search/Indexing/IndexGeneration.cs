using Annuaire.Content.Model;
using Annuaire.Content.Referentials;
using Annuaire.Search.Analysis;
using Annuaire.Search.Facets;
using Annuaire.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Annuaire.Search.Indexing;

/// <summary>
/// One complete, immutable index with everything that must change with it (offers, referentials,
/// analyzers). The engine swaps generations atomically; a generation is disposed only once the
/// last search that leased it has finished, so a swap never fails a search in flight.
/// </summary>
internal sealed class IndexGeneration
{
    private readonly LuceneDirectory _directory;
    private int _leases = 1; // The engine's own reference; dropped by Retire().

    public IndexGeneration(long number, LuceneDirectory directory, IReadOnlyDictionary<string, Offer> offers, ReferentialSet referentials, OfferAnalyzers analyzers, DateTimeOffset builtAt, string fingerprint)
    {
        Number = number;
        _directory = directory;
        Fingerprint = fingerprint;
        Offers = offers;
        Referentials = referentials;
        Analyzers = analyzers;
        BuiltAt = builtAt;
        Searchers = new SearcherManager(directory, new Bm25SearcherFactory());
        Keywords = KeywordSuggestions.From(offers.Values, referentials);
        TerritoryNames = new TerritoryRecognizer(referentials.Territories);
        var searcher = Searchers.Acquire();
        try
        {
            Facets = FacetOrdinals.Load(searcher.IndexReader, SearchExecution.AllFacetFields);
            OffersByDoc = ReadOffersByDoc(searcher.IndexReader, offers);
        }
        finally
        {
            Searchers.Release(searcher);
        }
    }

    public long Number { get; }

    /// <summary>Fingerprint of the content this generation was built from.</summary>
    public string Fingerprint { get; }

    /// <summary>The committed index (read-only once built); only touch it under a lease.</summary>
    public LuceneDirectory Directory => _directory;

    public SearcherManager Searchers { get; }

    public IReadOnlyDictionary<string, Offer> Offers { get; }

    public ReferentialSet Referentials { get; }

    public OfferAnalyzers Analyzers { get; }

    public DateTimeOffset BuiltAt { get; }

    public KeywordSuggestions Keywords { get; }

    public TerritoryRecognizer TerritoryNames { get; }

    public FacetOrdinals Facets { get; }

    /// <summary>The offer of each document (by global doc id): hits need no stored-field read.</summary>
    public IReadOnlyList<Offer?> OffersByDoc { get; }

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

    private static Offer?[] ReadOffersByDoc(IndexReader reader, IReadOnlyDictionary<string, Offer> offers)
    {
        var result = new Offer?[reader.MaxDoc];
        var id = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var ids = leaf.AtomicReader.GetSortedDocValues(OfferFields.IdValue);
            var live = leaf.AtomicReader.LiveDocs;
            for (var doc = 0; ids is not null && doc < leaf.AtomicReader.MaxDoc; doc++)
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
    public bool TryLease()
    {
        while (true)
        {
            var current = Volatile.Read(ref _leases);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _leases, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>Returns a lease; the last one out closes the index.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _leases) == 0)
        {
            Searchers.Dispose();
            Analyzers.Dispose();
            _directory.Dispose();
        }
    }

    /// <summary>Called once by the engine when a newer generation replaces this one.</summary>
    public void Retire() => Release();

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(Lucene.Net.Index.IndexReader reader) =>
            new(reader) { Similarity = OfferIndexBuilder.Similarity };
    }
}
