using Annuaire.Search.Indexing;
using Annuaire.Search.Querying;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Annuaire.Search.Tests.Querying;

/// <summary>
/// A term walked on its decoded postings (bits for a dense term, a list for a sparse one) finds and
/// scores exactly what Lucene's <see cref="TermQuery"/> does, alone, in conjunctions and
/// disjunctions, with deleted and filtered documents, and explains the same score; the cache keeps
/// frequent terms only, within its bound, for the segments the index still has.
/// </summary>
public sealed class CachedTermQueryTests : IDisposable
{
    /// <summary>In every other document of the first segment, some of them more than 255 times.</summary>
    private const string Dense = "dense";

    /// <summary>In one document in 45: fewer than one in 32, kept as a list.</summary>
    private const string Sparse = "sparse";

    /// <summary>In one document in 7: dense in the bits' sense.</summary>
    private const string Common = "common";

    /// <summary>In one document in 200: below the cache's minimum.</summary>
    private const string Rare = "rare";

    private const int MinDocFreq = 20;

    private readonly HeapDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public CachedTermQueryTests()
    {
        Write(_directory, 0, 3000, segments: 3);
        _reader = DirectoryReader.Open(_directory);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    public static TheoryData<string> Terms => [Dense, Sparse, Common, Rare];

    [Theory]
    [MemberData(nameof(Terms))]
    public void Search_FindsAndScoresAsTermQuery(string word)
    {
        var cache = new PostingsCache(minDocFreq: MinDocFreq);
        var searcher = Searcher(_reader);

        var expected = Scores(searcher, Plain(word));
        var actual = Scores(searcher, Cached(_reader, word, cache));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        Assert.Equal(word != Rare, cache.Count > 0);
    }

    [Theory]
    [InlineData(Occur.MUST)]
    [InlineData(Occur.SHOULD)]
    public void Search_InBooleanQueries_FindsAndScoresAsTermQueries(Occur occur)
    {
        var cache = new PostingsCache(minDocFreq: MinDocFreq);
        var searcher = Searcher(_reader);
        BooleanQuery Of(Func<string, Query> term) => new() { { term(Dense), occur }, { term(Sparse), occur }, { term(Common), occur }, { term(Rare), Occur.SHOULD } };

        var expected = Scores(searcher, Of(Plain));
        var actual = Scores(searcher, Of(w => Cached(_reader, w, cache)));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Search_WithDeletedAndFilteredDocuments_SkipsThemAsTermQuery()
    {
        using var directory = new HeapDirectory();
        Write(directory, 0, 2000, segments: 2);
        using (var writer = new IndexWriter(directory, Config()))
        {
            writer.DeleteDocuments(NumericRangeQuery.NewInt32Range("n", 100, 700, true, true));
        }

        using var reader = DirectoryReader.Open(directory);
        var searcher = Searcher(reader);
        var cache = new PostingsCache(minDocFreq: MinDocFreq);
        var filter = new QueryWrapperFilter(NumericRangeQuery.NewInt32Range("n", 0, 1500, true, false));

        foreach (var word in new[] { Dense, Sparse, Common })
        {
            var expected = searcher.Search(Plain(word), filter, 10_000).ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);
            var actual = searcher.Search(Cached(reader, word, cache), filter, 10_000).ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);

            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
            Assert.DoesNotContain(actual.Keys, doc => searcher.Doc(doc).GetField("n").GetInt32Value() is >= 100 and <= 700 or >= 1500);
        }
    }

    [Fact]
    public void Advance_LandsOnTheFirstDocumentAtOrAfterTheTarget()
    {
        var cache = new PostingsCache(minDocFreq: MinDocFreq);
        var searcher = Searcher(_reader);
        var leaf = _reader.Leaves[0];
        foreach (var word in new[] { Dense, Sparse, Common })
        {
            var plain = searcher.CreateNormalizedWeight(Plain(word)).GetScorer(leaf, null)!;
            var cached = searcher.CreateNormalizedWeight(Cached(_reader, word, cache)).GetScorer(leaf, null)!;
            var random = new Random(3);
            for (var target = random.Next(1, 30); target < leaf.AtomicReader.MaxDoc + 40; target = Math.Max(target, cached.DocID) + random.Next(1, 90))
            {
                Assert.Equal(plain.Advance(target), cached.Advance(target));
                if (cached.DocID == DocIdSetIterator.NO_MORE_DOCS)
                {
                    break;
                }

                Assert.Equal(plain.Freq, cached.Freq);
                Assert.Equal(plain.GetScore(), cached.GetScore());
                Assert.Equal(plain.NextDoc(), cached.NextDoc());
            }

            Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, cached.DocID);
        }
    }

    [Fact]
    public void Explain_GivesTheScore()
    {
        var searcher = Searcher(_reader);
        var query = Cached(_reader, Dense, new PostingsCache(minDocFreq: MinDocFreq));

        foreach (var hit in searcher.Search(query, 30).ScoreDocs)
        {
            var explanation = searcher.Explain(query, hit.Doc);
            Assert.True(explanation.IsMatch);
            Assert.Equal(hit.Score, explanation.Value, hit.Score * 1e-6f);
        }

        Assert.False(searcher.Explain(Cached(_reader, Sparse, new PostingsCache(minDocFreq: MinDocFreq)), 1).IsMatch); // Document 1 lacks it (one in 45 from 0).
    }

    [Fact]
    public void Cache_WhenFull_ForgetsTheLessUsedAndStaysWithinItsBound()
    {
        var probe = new PostingsCache(minDocFreq: MinDocFreq);
        Scores(Searcher(_reader), Cached(_reader, Dense, probe));
        var cache = new PostingsCache(maxBytes: probe.Bytes * 6 / 5, minDocFreq: MinDocFreq);
        var searcher = Searcher(_reader);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(Scores(searcher, Plain(Dense)), Scores(searcher, Cached(_reader, Dense, cache)));
        }

        foreach (var word in new[] { Common, Sparse, Dense, Common })
        {
            Assert.Equal(Scores(searcher, Plain(word)), Scores(searcher, Cached(_reader, word, cache)));
            Assert.InRange(cache.Bytes, 1, cache.MaxBytes);
        }

        Assert.InRange(cache.Count, 1, (3 * _reader.Leaves.Count) - 1); // Three terms in three segments did not all fit.
    }

    [Fact]
    public void Retain_ForgetsTheSegmentsANewGenerationNoLongerHas()
    {
        using var directory = new HeapDirectory();
        Write(directory, 0, 2000, segments: 2);
        using var before = DirectoryReader.Open(directory);
        var cache = new PostingsCache(minDocFreq: MinDocFreq);
        Scores(Searcher(before), Cached(before, Dense, cache));
        var bothSegments = cache.Bytes;

        var merging = Config();
        merging.MergePolicy = new LogByteSizeMergePolicy();
        using (var writer = new IndexWriter(directory, merging))
        {
            writer.ForceMerge(1); // A new segment replaces both.
        }

        using var after = DirectoryReader.OpenIfChanged(before)!;
        cache.Retain(after);

        Assert.True(bothSegments > 0);
        Assert.Equal(0, cache.Bytes);
        Assert.Equal(0, cache.Count);
        Assert.Equal(Scores(Searcher(after), Plain(Dense)), Scores(Searcher(after), Cached(after, Dense, cache)));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Retain_KeepsTheSegmentsANewGenerationShares()
    {
        using var directory = new HeapDirectory();
        Write(directory, 0, 2000, segments: 1);
        using var before = DirectoryReader.Open(directory);
        var cache = new PostingsCache(minDocFreq: MinDocFreq);
        Scores(Searcher(before), Cached(before, Dense, cache));
        var kept = cache.Bytes;

        Write(directory, 2000, 10, segments: 1); // A small segment beside the first.
        using var after = DirectoryReader.OpenIfChanged(before)!;
        cache.Retain(after);

        Assert.Equal(2, after.Leaves.Count);
        Assert.Equal(kept, cache.Bytes);
        Assert.Equal(Scores(Searcher(after), Plain(Dense)), Scores(Searcher(after), Cached(after, Dense, cache)));
    }

    private static TermQuery Plain(string word) => new(new Term("body", word));

    private static CachedTermQuery Cached(IndexReader reader, string word, PostingsCache cache)
    {
        var term = new Term("body", word);
        return new CachedTermQuery(term, TermContext.Build(reader.Context, term), cache);
    }

    private static IndexSearcher Searcher(IndexReader reader) => new(reader) { Similarity = OfferIndexBuilder.Similarity };

    private static Dictionary<int, float> Scores(IndexSearcher searcher, Query query) =>
        searcher.Search(query, 100_000).ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);

    private static IndexWriterConfig Config() => new(LuceneSettings.Version, new WhitespaceAnalyzer(LuceneSettings.Version))
    {
        Similarity = OfferIndexBuilder.Similarity,
        MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
    };

    /// <summary>Documents <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1, of varied lengths, in <paramref name="segments"/> segments.</summary>
    private static void Write(Lucene.Net.Store.Directory directory, int first, int count, int segments)
    {
        var random = new Random(first + 11);
        using var writer = new IndexWriter(directory, Config());
        for (var i = first; i < first + count; i++)
        {
            var words = new List<string>(Enumerable.Repeat("filler", 1 + random.Next(60)));
            if (i % 2 == 0)
            {
                words.AddRange(Enumerable.Repeat(Dense, i % 97 == 0 ? 300 : 1 + random.Next(6)));
            }

            words.AddRange(i % 45 == 0 ? [Sparse] : []);
            words.AddRange(i % 7 == 0 ? Enumerable.Repeat(Common, 1 + random.Next(3)) : []);
            words.AddRange(i % 200 == 0 ? [Rare] : []);
            writer.AddDocument(new Document
            {
                new StoredField("n", i),
                new Int32Field("n", i, Field.Store.NO),
                new TextField("body", string.Join(' ', words.OrderBy(_ => random.Next())), Field.Store.NO),
            });
            if ((i - first + 1) % Math.Max(1, count / segments) == 0)
            {
                writer.Commit();
            }
        }

        writer.Commit();
    }
}
