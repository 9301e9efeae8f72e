using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Annuaire.Search.Querying;

/// <summary>
/// A <see cref="TermQuery"/> scored exactly as Lucene scores it (same statistics, same
/// similarity), whose frequent terms walk their postings decoded once (<see cref="PostingsCache"/>)
/// instead of decompressing them at every search. Rarer terms read the index as usual.
/// </summary>
internal sealed class CachedTermQuery : TermQuery
{
    private readonly TermContext _states;
    private readonly PostingsCache _cache;

    /// <param name="term">The term.</param>
    /// <param name="states">Where the term is in each segment of the index searched (see <see cref="TermLookups"/>).</param>
    /// <param name="cache">The decoded postings of frequent terms.</param>
    public CachedTermQuery(Term term, TermContext states, PostingsCache cache)
        : base(term, states)
    {
        _states = states;
        _cache = cache;
    }

    public override Weight CreateWeight(IndexSearcher searcher)
    {
        // Looked up again if the query is run on another index than the one it was built for, as TermQuery does.
        var states = ReferenceEquals(_states.TopReaderContext, searcher.TopReaderContext) ? _states : TermContext.Build(searcher.TopReaderContext, Term);
        return new WeightOf(this, searcher, states);
    }

    private sealed class WeightOf : Weight
    {
        private readonly CachedTermQuery _query;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;
        private readonly TermContext _states;

        public WeightOf(CachedTermQuery query, IndexSearcher searcher, TermContext states)
        {
            _query = query;
            _states = states;
            _similarity = searcher.Similarity;
            _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(query.Term.Field), searcher.TermStatistics(query.Term, states));
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => _stats.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            if (_states.Get(context.Ord) is not { } state)
            {
                return null; // Not in this segment.
            }

            var termsEnum = context.AtomicReader.GetTerms(_query.Term.Field).GetEnumerator();
            termsEnum.SeekExact(_query.Term.Bytes, state);
            var docScorer = _similarity.GetSimScorer(_stats, context);
            return _query._cache.Get(context, _query.Term, termsEnum) switch
            {
                null => new PostingsScorer(this, termsEnum.Docs(acceptDocs, null), docScorer),
                { Bits: not null } dense => new BitsScorer(this, dense, acceptDocs, docScorer),
                var sparse => new ListScorer(this, sparse, acceptDocs, docScorer),
            };
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (GetScorer(context, context.AtomicReader.LiveDocs) is { } scorer && scorer.Advance(doc) == doc)
            {
                var freq = scorer.Freq;
                var score = _similarity.GetSimScorer(_stats, context).Explain(doc, new Explanation(freq, "termFreq=" + freq));
                var result = new ComplexExplanation(true, score.Value, $"weight({_query} in {doc}) [{_similarity.GetType().Name}], result of:");
                result.AddDetail(score);
                return result;
            }

            return new ComplexExplanation(false, 0f, "no matching term");
        }
    }

    /// <summary>Walks a dense term's bits: an advance tests the target's bit, then looks for the next one set.</summary>
    private sealed class BitsScorer(Weight weight, DecodedPostings postings, IBits? acceptDocs, Similarity.SimScorer docScorer) : Scorer(weight)
    {
        private readonly ulong[] _bits = postings.Bits!;
        private int _doc = -1;

        public override int DocID => _doc;

        public override int Freq => postings.FreqAt(postings.RankOf(_doc));

        public override float GetScore() => docScorer.Score(_doc, Freq);

        public override long GetCost() => postings.Count;

        public override int NextDoc() => _doc == NO_MORE_DOCS ? NO_MORE_DOCS : Advance(_doc + 1);

        public override int Advance(int target)
        {
            var bits = _bits;
            while (true)
            {
                var word = target >> 6;
                if (word >= bits.Length)
                {
                    return _doc = NO_MORE_DOCS;
                }

                var set = bits[word] & (ulong.MaxValue << (target & 63));
                while (set == 0)
                {
                    if (++word == bits.Length)
                    {
                        return _doc = NO_MORE_DOCS;
                    }

                    set = bits[word];
                }

                var doc = (word << 6) + BitOperations.TrailingZeroCount(set);
                if (acceptDocs is null || acceptDocs.Get(doc))
                {
                    return _doc = doc;
                }

                target = doc + 1;
            }
        }
    }

    /// <summary>Walks a term's sorted documents: an advance is a galloping search.</summary>
    private sealed class ListScorer(Weight weight, DecodedPostings postings, IBits? acceptDocs, Similarity.SimScorer docScorer) : Scorer(weight)
    {
        private readonly int[] _docs = postings.Docs!;
        private int _index = -1;
        private int _doc = -1;

        public override int DocID => _doc;

        public override int Freq => postings.FreqAt(_index);

        public override float GetScore() => docScorer.Score(_doc, postings.FreqAt(_index));

        public override long GetCost() => postings.Count;

        public override int NextDoc() => Settle(_index + 1);

        public override int Advance(int target)
        {
            var docs = _docs;
            var low = _index + 1;
            if (low >= docs.Length || docs[low] >= target)
            {
                return Settle(low);
            }

            // docs[low] < target: double the step until past it, then search between the last two steps.
            var step = 1;
            var high = low + 1;
            while (high < docs.Length && docs[high] < target)
            {
                low = high;
                step <<= 1;
                high = low + step;
            }

            // The first document at or after the target is in (low, high]: halve until one is left.
            high = Math.Min(high, docs.Length);
            low++;
            while (low < high)
            {
                var middle = (int)((uint)(low + high) >> 1);
                if (docs[middle] < target)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return Settle(low);
        }

        /// <summary>Moves to the first accepted document at or after index <paramref name="index"/>.</summary>
        private int Settle(int index)
        {
            var docs = _docs;
            while (index < docs.Length)
            {
                var doc = docs[index];
                if (acceptDocs is null || acceptDocs.Get(doc))
                {
                    _index = index;
                    return _doc = doc;
                }

                index++;
            }

            _index = docs.Length;
            return _doc = NO_MORE_DOCS;
        }
    }

    /// <summary>Walks the index's postings, as Lucene's term scorer does.</summary>
    private sealed class PostingsScorer(Weight weight, DocsEnum docs, Similarity.SimScorer docScorer) : Scorer(weight)
    {
        public override int DocID => docs.DocID;

        public override int Freq => docs.Freq;

        public override float GetScore() => docScorer.Score(docs.DocID, docs.Freq);

        public override long GetCost() => docs.GetCost();

        public override int NextDoc() => docs.NextDoc();

        public override int Advance(int target) => docs.Advance(target);
    }
}
