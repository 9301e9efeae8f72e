using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Annuaire.Search.Indexing;

/// <summary>
/// BM25 plus a coordination factor: BM25 alone ignores how many of the searched words an offer
/// contains, so with soft matching a long offer repeating two words could outrank one holding all
/// four. The factor (share of words matched)² puts offers with every word first. Boolean queries
/// that group alternatives of one word or filters disable it (<c>disableCoord</c>).
/// </summary>
internal sealed class OfferSimilarity : BM25Similarity
{
    /// <summary>
    /// The idf, explained in one word: the base class writes its explanation (« idf(docFreq=…,
    /// maxDocs=…) ») for every term of every search, half of what a search allocated; the
    /// numbers stay readable in the explanation's value.
    /// </summary>
    public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics termStats) =>
        new(Idf(termStats.DocFreq, collectionStats.MaxDoc), "idf");

    /// <inheritdoc cref="IdfExplain(CollectionStatistics, TermStatistics)"/>
    public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics[] termStats)
    {
        var idf = 0f;
        foreach (var term in termStats)
        {
            idf += Idf(term.DocFreq, collectionStats.MaxDoc);
        }

        return new Explanation(idf, "idf");
    }

    public override float Coord(int overlap, int maxOverlap) =>
        maxOverlap <= 1 ? 1f : (float)overlap / maxOverlap * overlap / maxOverlap;
}
