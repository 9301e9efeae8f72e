using Annuaire.Search.Indexing;
using Annuaire.Search.Querying;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Annuaire.Search.Tests.Querying;

public sealed class TermLookupsTests : IDisposable
{
    private readonly HeapDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public TermLookupsTests()
    {
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneSettings.Version, new WhitespaceAnalyzer(LuceneSettings.Version))))
        {
            foreach (var words in new[] { "hebergement urgence", "hebergements solidaires", "permis conduire" })
            {
                writer.AddDocument([new TextField(OfferFields.Spell, words, Field.Store.NO)]);
            }
        }

        _reader = DirectoryReader.Open(_directory);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    private static List<string> Words(BooleanQuery query) =>
        [.. query.Clauses.Select(c => ((TermQuery)c.Query).Term.Text).Order(StringComparer.Ordinal)];

    [Fact]
    public void Present_OnlyForTermsTheIndexHolds()
    {
        var lookups = new TermLookups(_reader);

        var present = lookups.Present(new Term(OfferFields.Spell, "permis"));

        Assert.Equal(new Term(OfferFields.Spell, "permis"), present?.Term);
        Assert.Null(lookups.Present(new Term(OfferFields.Spell, "voiture")));
        Assert.Null(lookups.Present(new Term(OfferFields.Titre, "permis")));
    }

    [Fact]
    public void Present_WalksFrequentTermsOnTheGenerationsDecodedPostings()
    {
        var postings = new PostingsCache(minDocFreq: 1); // Every term is frequent enough here.
        var lookups = new TermLookups(_reader, postings);
        var permis = Assert.IsType<CachedTermQuery>(lookups.Present(new Term(OfferFields.Spell, "permis")));
        var urgence = Assert.IsType<CachedTermQuery>(lookups.Present(new Term(OfferFields.Spell, "urgence")));

        var hits = new IndexSearcher(_reader).Search(new BooleanQuery { { permis, Occur.SHOULD }, { urgence, Occur.SHOULD } }, 10);

        Assert.Equal(2, hits.TotalHits);
        Assert.Same(postings, lookups.Postings);
        Assert.Equal(2, postings.Count);
    }

    [Fact]
    public void Expand_WhenTypo_ReachesTheIndexedWordsWithinTheEdits()
    {
        var lookups = new TermLookups(_reader);

        Assert.Equal(["hebergement"], Words(lookups.Expand("hebergemnt", 1)));
        Assert.Equal(["hebergement", "hebergements"], Words(lookups.Expand("hebergemnt", 2)));
        Assert.Empty(Words(lookups.Expand("zzzzzzzz", 2)));
    }

    [Fact]
    public void Forget_LooksUpAgain_SameAnswers()
    {
        var lookups = new TermLookups(_reader);
        var term = new Term(OfferFields.Spell, "permis");
        var context = lookups.Context(term);
        var expanded = Words(lookups.Expand("hebergemnt", 2));

        Assert.Same(context, lookups.Context(term));
        lookups.Forget();

        Assert.NotSame(context, lookups.Context(term));
        Assert.Equal(context.DocFreq, lookups.Context(term).DocFreq);
        Assert.Equal(expanded, Words(lookups.Expand("hebergemnt", 2)));
    }

    [Fact]
    public void Expand_WhenCallerChangesTheQuery_TheNextCallerGetsItUnchanged()
    {
        var lookups = new TermLookups(_reader);

        var first = lookups.Expand("permsi", 1);
        first.Boost = 0.3f;
        first.Add(new TermQuery(new Term(OfferFields.Spell, "ajout")), Occur.SHOULD);
        var second = lookups.Expand("permsi", 1);

        Assert.Equal(1f, second.Boost);
        Assert.Equal(["permis"], Words(second));
    }

    [Fact]
    public void Present_WhenSearched_FindsWhatAPlainTermQueryFinds()
    {
        var lookups = new TermLookups(_reader);
        var searcher = new IndexSearcher(_reader);
        int Hits(Query? query) => query is null ? 0 : searcher.Search(query, 10).TotalHits;

        foreach (var word in new[] { "hebergement", "permis", "absent" })
        {
            var term = new Term(OfferFields.Spell, word);
            Assert.Equal(Hits(new TermQuery(term)), Hits(lookups.Present(term)));
            Assert.Equal(Hits(new TermQuery(term)), Hits(lookups.Present(term))); // Looked up once, reused.
        }
    }
}
