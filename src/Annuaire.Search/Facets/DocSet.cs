using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Annuaire.Search.Facets;

/// <summary>
/// A set of documents of one index reader, one bit set per segment: what a filter matches,
/// computed once and then tested per hit in constant time. Immutable once built.
/// </summary>
internal sealed class DocSet
{
    private readonly FixedBitSet[] _leaves;

    private DocSet(FixedBitSet[] leaves) => _leaves = leaves;

    /// <summary>Whether the document <paramref name="doc"/> of segment <paramref name="leaf"/> is in the set.</summary>
    public bool Contains(int leaf, int doc) => _leaves[leaf].Get(doc);

    /// <summary>The documents a query matches (scores are not computed).</summary>
    public static DocSet Of(IndexSearcher searcher, Query query)
    {
        var leaves = searcher.IndexReader.Leaves.Select(l => new FixedBitSet(l.AtomicReader.MaxDoc)).ToArray();
        searcher.Search(new ConstantScoreQuery(query), new Marker(leaves));
        return new DocSet(leaves);
    }

    /// <summary>The documents for which <paramref name="predicate"/>(global doc id) holds.</summary>
    public static DocSet Where(IndexReader reader, Func<int, bool> predicate)
    {
        var leaves = new FixedBitSet[reader.Leaves.Count];
        foreach (var leaf in reader.Leaves)
        {
            var bits = new FixedBitSet(leaf.AtomicReader.MaxDoc);
            for (var doc = 0; doc < bits.Length; doc++)
            {
                if (predicate(leaf.DocBase + doc))
                {
                    bits.Set(doc);
                }
            }

            leaves[leaf.Ord] = bits;
        }

        return new DocSet(leaves);
    }

    /// <summary>This set as a Lucene filter.</summary>
    public Filter AsFilter() => new SetFilter(this);

    private sealed class Marker(FixedBitSet[] leaves) : ICollector
    {
        private FixedBitSet? _current;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _current = leaves[context.Ord];

        public void Collect(int doc) => _current!.Set(doc);
    }

    private sealed class SetFilter(DocSet set) : Filter
    {
        public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs) =>
            BitsFilteredDocIdSet.Wrap(set._leaves[context.Ord], acceptDocs);
    }
}
