using Annuaire.Search.Indexing;
using Annuaire.Search.Querying;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Annuaire.Search.Tests.Querying;

/// <summary>
/// A pass cut into ranges searched by several workers collects each match once, in order within
/// each worker, and the engine answers exactly as with one thread.
/// </summary>
public sealed class SplitSearchTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    /// <summary>An index of <paramref name="count"/> documents in <paramref name="segments"/> segments; « pair » on even ones, « tous » on all.</summary>
    private static DirectoryReader Index(int count, int segments)
    {
        var directory = new HeapDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneSettings.Version, new WhitespaceAnalyzer(LuceneSettings.Version)) { MergePolicy = NoMergePolicy.NO_COMPOUND_FILES }))
        {
            for (var i = 0; i < count; i++)
            {
                writer.AddDocument(new Document { new TextField("f", i % 2 == 0 ? "pair tous" : "tous", Field.Store.NO) });
                if ((i + 1) % (count / segments) == 0)
                {
                    writer.Commit();
                }
            }

            writer.Commit();
        }

        return DirectoryReader.Open(directory);
    }

    [Fact]
    public void Run_WhenSplit_CollectsEachMatchOnceInOrderPerWorker()
    {
        using var reader = Index(1000, 3);
        var searcher = new IndexSearcher(reader);
        var created = 0;

        // The first collector waits for a second one to exist: the helper surely takes ranges.
        var collectors = SplitSearch.Run(searcher, new TermQuery(new Term("f", "pair")), null, workers: 3, () => new Recorder(Interlocked.Increment(ref created) == 1 ? () => Volatile.Read(ref created) >= 2 : null), minCostToSplit: 0);

        Assert.InRange(collectors.Length, 2, 3);
        Assert.All(collectors, c => Assert.Equal(c.Docs.Order(), c.Docs));
        Assert.Equal(Enumerable.Range(0, 500).Select(i => i * 2), collectors.SelectMany(c => c.Docs).Order());
    }

    [Fact]
    public void Run_WhenFewCandidates_RunsOnOneWorker()
    {
        using var reader = Index(1000, 2);
        var searcher = new IndexSearcher(reader);

        var collectors = SplitSearch.Run(searcher, new TermQuery(new Term("f", "pair")), null, workers: 3, () => new Recorder(null), minCostToSplit: 501);

        Assert.Single(collectors);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => i * 2), collectors[0].Docs);
    }

    [Fact]
    public void Run_WhenCollectorTerminates_StopsThatWorkerInThatSegmentOnly()
    {
        using var reader = Index(1000, 2);
        var searcher = new IndexSearcher(reader);

        var collectors = SplitSearch.Run(searcher, new TermQuery(new Term("f", "tous")), null, workers: 1, () => new Recorder(null, stopAfterPerSegment: 10), minCostToSplit: 0);

        Assert.Equal([.. Enumerable.Range(0, 10), .. Enumerable.Range(500, 10)], collectors[0].Docs);
    }

    [Fact]
    public void Run_WhenLimitedCollectorIsFull_StopsWithoutReadingFurther()
    {
        using var reader = Index(1000, 2);
        var searcher = new IndexSearcher(reader);

        var collectors = SplitSearch.Run(searcher, new TermQuery(new Term("f", "tous")), null, workers: 1, () => new Limited(25), minCostToSplit: 0);

        Assert.Equal(25, collectors[0].Count);
    }

    public static TheoryData<string> Requests => ["aide", "aide permis", "rsa", "permis conduire jeunes", "permis -conduire", "logement jeunes 45", "alimentaire", "garde enfant caen", ""];

    [Theory]
    [MemberData(nameof(Requests))]
    public void Search_WhenSplitAcrossWorkers_AnswersAsOneThread(string text)
    {
        foreach (var request in new[]
        {
            new SearchRequest { Text = text },
            new SearchRequest { Text = text, PageSize = 12 },
            new SearchRequest { Text = text, Territoire = "61", Page = 2, PageSize = 3 },
            new SearchRequest { Text = text, Sort = SearchSort.Titre }.With(FacetDimension.Thematique, "mobilite", "logement-hebergement"),
            new SearchRequest { Text = text, Territoire = "45" }.With(FacetDimension.Public, "jeunes"),
        })
        {
            var one = fixture.Engine.Search(request, workers: 1, minCostToSplit: long.MaxValue);
            var split = fixture.Engine.Search(request, workers: 3, minCostToSplit: 0);

            Assert.Equal(one.Total, split.Total);
            Assert.Equal(one.Hits.Select(h => (h.Offer.Id, h.Score)), split.Hits.Select(h => (h.Offer.Id, h.Score)));
            Assert.Equal(one.Hits.Select(Marks), split.Hits.Select(Marks));
            Assert.Equal(Flatten(one.Facets), Flatten(split.Facets));
            Assert.Equal(one.Relaxations.Select(r => (r.Dimension, string.Join(',', r.Values), r.Count)), split.Relaxations.Select(r => (r.Dimension, string.Join(',', r.Values), r.Count)));
            Assert.Equal(one.Widening, split.Widening);
            Assert.Equal(one.Cost, split.Cost);
        }
    }

    /// <summary>The marked runs of a hit's title, summary and snippet.</summary>
    private static string Marks(SearchHit hit) =>
        string.Join('|', new[] { hit.Titre, hit.Resume, hit.Snippet?.Passage }.Select(m => m is null ? "-" : string.Concat(m.Runs().Select(r => r.Marked ? $"[{r.Run}]" : r.Run))));

    private static List<(FacetDimension, string, int, bool)> Flatten(IReadOnlyDictionary<FacetDimension, IReadOnlyList<FacetValue>> facets) =>
        [.. facets.OrderBy(f => f.Key).SelectMany(f => f.Value.Select(v => (f.Key, v.Value, v.Count, v.Selected)))];

    private sealed class Limited(int limit) : SplitSearch.ILimitedCollector
    {
        public int Count { get; private set; }

        public bool IsFull => Count >= limit;

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
        }

        public void Collect(int doc) => Count++;
    }

    /// <summary>Records collected documents (global ids); may wait at its first document, or stop each segment after a few.</summary>
    private sealed class Recorder(Func<bool>? waitFor, int stopAfterPerSegment = int.MaxValue) : ICollector
    {
        private int _docBase;
        private int _inSegment;

        public List<int> Docs { get; } = [];

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            _docBase = context.DocBase;
            _inSegment = 0;
        }

        public void Collect(int doc)
        {
            if (waitFor is not null)
            {
                SpinWait.SpinUntil(waitFor, TimeSpan.FromSeconds(10));
                waitFor = null;
            }

            if (_inSegment++ == stopAfterPerSegment)
            {
                throw new CollectionTerminatedException();
            }

            Docs.Add(_docBase + doc);
        }
    }
}
