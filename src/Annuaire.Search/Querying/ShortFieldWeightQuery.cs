using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Annuaire.Search.Querying;

/// <summary>
/// The offers <see cref="Found"/> finds, scored as it scores them plus the weight of the searched
/// words in the short fields (title, keywords, summary, labels): for each word, the best of its
/// terms' scores plus a tenth of the others (a disjunction-max with a tie breaker of 0.1), summed
/// over the words. That is the score of « found AND optionally (dismax per word) », without
/// Lucene's generic scorers for it: a required-optional scorer over a disjunction of
/// disjunction-max scorers re-ordered a heap of every term's postings at each offer found, which
/// was a fifth of a search. Here each offer found looks at every term's current document (a few
/// integers) and advances only the postings behind it; terms never find an offer on their own.
/// </summary>
internal sealed class ShortFieldWeightQuery : Query
{
    /// <summary>Share of the other terms' scores added to the best one, for one word.</summary>
    public const float TieBreaker = 0.1f;

    /// <param name="found">The query that finds the offers (its score is kept).</param>
    /// <param name="words">For each word, the short-field terms that weigh it (each with its field's boost).</param>
    public ShortFieldWeightQuery(Query found, IReadOnlyList<IReadOnlyList<TermQuery>> words)
    {
        Found = found;
        Words = words;
    }

    /// <summary>The query that finds the offers.</summary>
    public Query Found { get; }

    /// <summary>For each word, the terms that weigh it.</summary>
    public IReadOnlyList<IReadOnlyList<TermQuery>> Words { get; }

    /// <summary>A word's weight from its matching terms' scores: the best one and <see cref="TieBreaker"/> of the others.</summary>
    private static float OfWord(float sum, float max) => max + ((sum - max) * TieBreaker);

    public override Query Rewrite(IndexReader reader)
    {
        var found = Found.Rewrite(reader);
        return ReferenceEquals(found, Found) ? this : new ShortFieldWeightQuery(found, Words) { Boost = Boost };
    }

    public override void ExtractTerms(ISet<Term> terms)
    {
        Found.ExtractTerms(terms);
        foreach (var word in Words)
        {
            foreach (var term in word)
            {
                term.ExtractTerms(terms);
            }
        }
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new WeightOf(this, searcher);

    public override string ToString(string field) =>
        $"+({Found.ToString(field)}) weight({string.Join(" ", Words.Select(w => "(" + string.Join(" | ", w.Select(t => t.ToString(field))) + ")"))}){ToStringUtils.Boost(Boost)}";

    public override bool Equals(object? obj) =>
        obj is ShortFieldWeightQuery other && base.Equals(other) && Found.Equals(other.Found)
        && Words.Count == other.Words.Count && Words.Zip(other.Words).All(p => p.First.SequenceEqual(p.Second));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(base.GetHashCode());
        hash.Add(Found);
        foreach (var word in Words)
        {
            foreach (var term in word)
            {
                hash.Add(term);
            }
        }

        return hash.ToHashCode();
    }

    private sealed class WeightOf : Weight
    {
        private readonly ShortFieldWeightQuery _query;
        private readonly Weight _found;
        private readonly Weight[] _terms;
        private readonly int[] _wordEnds;

        public WeightOf(ShortFieldWeightQuery query, IndexSearcher searcher)
        {
            _query = query;
            _found = query.Found.CreateWeight(searcher);
            _terms = [.. query.Words.SelectMany(w => w).Select(t => t.CreateWeight(searcher))];
            _wordEnds = new int[query.Words.Count];
            for (int w = 0, end = 0; w < _wordEnds.Length; w++)
            {
                end += query.Words[w].Count;
                _wordEnds[w] = end;
            }
        }

        public override Query Query => _query;

        public override float GetValueForNormalization()
        {
            // As a Boolean query of the two would (the similarity's query norm reads it; BM25 ignores it).
            var sum = _found.GetValueForNormalization();
            foreach (var term in _terms)
            {
                sum += term.GetValueForNormalization();
            }

            return sum * _query.Boost * _query.Boost;
        }

        public override void Normalize(float norm, float topLevelBoost)
        {
            topLevelBoost *= _query.Boost;
            _found.Normalize(norm, topLevelBoost);
            foreach (var term in _terms)
            {
                term.Normalize(norm, topLevelBoost);
            }
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            if (_found.GetScorer(context, acceptDocs) is not { } found)
            {
                return null;
            }

            var terms = new Scorer?[_terms.Length];
            var any = false;
            for (var t = 0; t < terms.Length; t++)
            {
                terms[t] = _terms[t].GetScorer(context, acceptDocs);
                any |= terms[t] is not null;
            }

            // No short-field term in this segment: the found scores as they are.
            return any ? new ScorerOf(this, found, terms, _wordEnds) : found;
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var found = _found.Explain(context, doc);
            if (!found.IsMatch)
            {
                return found;
            }

            var weight = new Explanation(0, "short fields, per word: best term + " + TieBreaker.ToString(System.Globalization.CultureInfo.InvariantCulture) + " × others");
            for (int w = 0, start = 0; w < _wordEnds.Length; start = _wordEnds[w++])
            {
                float sum = 0, max = 0;
                var matched = false;
                var word = new Explanation(0, "word " + w);
                for (var t = start; t < _wordEnds[w]; t++)
                {
                    var term = _terms[t].Explain(context, doc);
                    if (term.IsMatch)
                    {
                        word.AddDetail(term);
                        sum += term.Value;
                        max = matched ? Math.Max(max, term.Value) : term.Value;
                        matched = true;
                    }
                }

                if (matched)
                {
                    word.Value = OfWord(sum, max);
                    weight.AddDetail(word);
                    weight.Value += word.Value;
                }
            }

            var result = new ComplexExplanation(true, found.Value + weight.Value, "sum of:");
            result.AddDetail(found);
            result.AddDetail(weight);
            return result;
        }
    }

    private sealed class ScorerOf : Scorer
    {
        private readonly Scorer _found;
        private readonly Scorer?[] _terms;
        private readonly int[] _termDocs;
        private readonly int[] _wordEnds;

        public ScorerOf(Weight weight, Scorer found, Scorer?[] terms, int[] wordEnds)
            : base(weight)
        {
            _found = found;
            _terms = terms;
            _wordEnds = wordEnds;
            _termDocs = new int[terms.Length];
            for (var t = 0; t < terms.Length; t++)
            {
                _termDocs[t] = terms[t] is null ? NO_MORE_DOCS : -1;
            }
        }

        public override int DocID => _found.DocID;

        public override int Freq => _found.Freq;

        public override int NextDoc() => _found.NextDoc();

        public override int Advance(int target) => _found.Advance(target);

        public override long GetCost() => _found.GetCost();

        public override float GetScore() => _found.GetScore() + ShortFields(_found.DocID);

        public override ICollection<ChildScorer> GetChildren()
        {
            var children = new List<ChildScorer> { new(_found, "MUST") };
            children.AddRange(_terms.OfType<Scorer>().Select(t => new ChildScorer(t, "SHOULD")));
            return children;
        }

        /// <summary>The short fields' weight of <paramref name="doc"/> (documents come in increasing order).</summary>
        private float ShortFields(int doc)
        {
            var total = 0f;
            for (int w = 0, t = 0; w < _wordEnds.Length; w++)
            {
                float sum = 0, max = 0;
                var matched = false;
                for (var end = _wordEnds[w]; t < end; t++)
                {
                    var at = _termDocs[t];
                    if (at < doc)
                    {
                        at = _terms[t]!.Advance(doc);
                        _termDocs[t] = at;
                    }

                    if (at == doc)
                    {
                        var score = _terms[t]!.GetScore();
                        sum += score;
                        max = matched ? Math.Max(max, score) : score;
                        matched = true;
                    }
                }

                if (matched)
                {
                    total += OfWord(sum, max);
                }
            }

            return total;
        }
    }
}
