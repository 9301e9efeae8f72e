using Annuaire.Search.Indexing;
using Annuaire.Search.Querying;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Annuaire.Search.Tests.Querying;

/// <summary>
/// The short fields' weight scores exactly as Lucene's « found AND optionally (a disjunction-max
/// per word, tie breaker 0.1) » would, finds only what the found query finds, and explains its score.
/// </summary>
public sealed class ShortFieldWeightQueryTests : IDisposable
{
    private static readonly string[] Vocabulary = ["aide", "permis", "logement", "jeunes", "garde", "enfant", "mobilite", "urgence", "emploi", "sante"];

    private readonly DirectoryReader _reader = Index(600, segments: 3);

    public void Dispose() => _reader.Dispose();

    public static TheoryData<string[]> WordSets => new()
    {
        { ["aide"] },
        { ["aide", "permis"] },
        { ["logement", "jeunes", "urgence"] },
        { ["garde", "enfant", "sante", "emploi", "mobilite"] },
    };

    [Theory]
    [MemberData(nameof(WordSets))]
    public void Scores_AsFoundPlusDisjunctionMaxPerWord(string[] words)
    {
        var searcher = Searcher();
        var found = Found(words);

        var expected = Scores(searcher, new BooleanQuery(disableCoord: true) { { found, Occur.MUST }, { LuceneWeight(words), Occur.SHOULD } });
        var actual = Scores(searcher, new ShortFieldWeightQuery(found, Weight(words)));

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.All(expected, e => Assert.Equal(e.Value, actual[e.Key], e.Value * 1e-5f));
        Assert.Contains(expected, e => e.Value > Scores(searcher, found)[e.Key] * 1.01f); // The weight weighs somewhere.
    }

    [Fact]
    public void Search_FindsOnlyWhatFoundFinds()
    {
        var searcher = Searcher();
        var found = Found(["permis"]);

        var actual = Scores(searcher, new ShortFieldWeightQuery(found, Weight(["permis", "aide", "logement"])));

        Assert.Equal(Scores(searcher, found).Keys.Order(), actual.Keys.Order());
    }

    [Fact]
    public void Search_WhenSplitAcrossWorkers_ScoresAsOneWorker()
    {
        var searcher = Searcher();
        var query = new ShortFieldWeightQuery(Found(["aide", "jeunes"]), Weight(["aide", "jeunes"]));

        var one = SplitSearch.Run(searcher, query, null, workers: 1, () => new AllScores(), minCostToSplit: 0).Single().Scores;
        var split = SplitSearch.Run(searcher, query, null, workers: 3, () => new AllScores(), minCostToSplit: 0)
            .SelectMany(c => c.Scores).ToDictionary(kv => kv.Key, kv => kv.Value);

        Assert.Equal(one.OrderBy(kv => kv.Key), split.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void Search_WhenNoShortFieldTermInTheIndex_ScoresAsFound()
    {
        var searcher = Searcher();
        var found = Found(["aide", "permis"]);

        var actual = Scores(searcher, new ShortFieldWeightQuery(found, [[new TermQuery(new Term("titre", "absent")) { Boost = 4 }]]));

        Assert.Equal(Scores(searcher, found), actual);
    }

    [Fact]
    public void Explain_GivesTheScore()
    {
        var searcher = Searcher();
        var query = new ShortFieldWeightQuery(Found(["garde", "enfant"]), Weight(["garde", "enfant"]));
        var scores = Scores(searcher, query);

        foreach (var (doc, score) in scores.Take(20))
        {
            var explanation = searcher.Explain(query, doc);
            Assert.True(explanation.IsMatch);
            Assert.Equal(score, explanation.Value, score * 1e-5f);
        }
    }

    [Fact]
    public void Rewrite_KeepsTheWeight()
    {
        var query = new ShortFieldWeightQuery(new BooleanQuery { { new TermQuery(new Term("body", "aide")), Occur.SHOULD } }, Weight(["aide"]));

        var rewritten = Assert.IsType<ShortFieldWeightQuery>(query.Rewrite(_reader));

        Assert.IsType<TermQuery>(rewritten.Found);
        Assert.Same(query.Words, rewritten.Words);
    }

    private IndexSearcher Searcher() => new(_reader) { Similarity = OfferIndexBuilder.Similarity };

    /// <summary>Every word in the body, most words required.</summary>
    private static BooleanQuery Found(string[] words)
    {
        var found = new BooleanQuery();
        foreach (var word in words)
        {
            found.Add(new TermQuery(new Term("body", word)), Occur.SHOULD);
        }

        found.MinimumNumberShouldMatch = Math.Max(1, words.Length - 1);
        return found;
    }

    private static List<IReadOnlyList<TermQuery>> Weight(string[] words) =>
        [.. words.Select(w => (IReadOnlyList<TermQuery>)[new TermQuery(new Term("titre", w)) { Boost = 4 }, new TermQuery(new Term("resume", w)) { Boost = 2 }])];

    private static BooleanQuery LuceneWeight(string[] words)
    {
        var weight = new BooleanQuery(disableCoord: true);
        foreach (var word in Weight(words))
        {
            var dismax = new DisjunctionMaxQuery(ShortFieldWeightQuery.TieBreaker);
            foreach (var term in word)
            {
                dismax.Add(term);
            }

            weight.Add(dismax, Occur.SHOULD);
        }

        return weight;
    }

    private static Dictionary<int, float> Scores(IndexSearcher searcher, Query query) =>
        searcher.Search(query, int.MaxValue / 2).ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);

    /// <summary>Documents of varied lengths: the body holds every word of the title and summary, as in the index.</summary>
    private static DirectoryReader Index(int count, int segments)
    {
        var random = new Random(7);
        var directory = new HeapDirectory();
        var config = new IndexWriterConfig(LuceneSettings.Version, new WhitespaceAnalyzer(LuceneSettings.Version))
        {
            Similarity = OfferIndexBuilder.Similarity,
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            for (var i = 0; i < count; i++)
            {
                string Text(int max) => string.Join(' ', Enumerable.Range(0, 1 + random.Next(max)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
                var titre = Text(3);
                var resume = Text(8);
                writer.AddDocument(new Document
                {
                    new TextField("titre", titre, Field.Store.NO),
                    new TextField("resume", resume, Field.Store.NO),
                    new TextField("body", string.Join(' ', Text(40), titre, resume), Field.Store.NO),
                });
                if ((i + 1) % (count / segments) == 0)
                {
                    writer.Commit();
                }
            }

            writer.Commit();
        }

        return DirectoryReader.Open(directory);
    }

    /// <summary>Every document's score.</summary>
    private sealed class AllScores : ICollector
    {
        private Scorer? _scorer;
        private int _docBase;

        public Dictionary<int, float> Scores { get; } = [];

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc) => Scores[_docBase + doc] = _scorer!.GetScore();
    }
}
