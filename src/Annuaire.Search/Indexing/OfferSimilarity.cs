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
    public override float Coord(int overlap, int maxOverlap) =>
        maxOverlap <= 1 ? 1f : (float)overlap / maxOverlap * overlap / maxOverlap;
}
