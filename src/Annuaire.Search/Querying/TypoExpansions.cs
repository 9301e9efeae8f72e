using System.Collections.Concurrent;
using Annuaire.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Annuaire.Search.Querying;

/// <summary>
/// The indexed words a misspelled word reaches, looked up once per index generation: walking the
/// term dictionary with a Levenshtein automaton (built, determinised and compiled for each word)
/// was four tenths of what a search allocated, and a search looks a typo up for the query, for
/// the place-or-word check and for the marks. Advisers repeat the same misspellings, so the
/// expansions are kept for the generation's life, up to <see cref="MaxWords"/> words (then
/// forgotten all at once: hostile traffic cannot grow it without bound).
/// </summary>
internal sealed class TypoExpansions(IndexReader reader)
{
    /// <summary>Most misspelled words remembered per generation.</summary>
    public const int MaxWords = 10_000;

    private readonly ConcurrentDictionary<(string Word, int Edits), BooleanQuery> _expansions = new();

    /// <summary>The index these expansions are read from.</summary>
    public IndexReader Reader { get; } = reader;

    /// <summary>
    /// The unstemmed indexed words within <paramref name="edits"/> of <paramref name="word"/> (same
    /// first letter, transpositions count as one edit), each weighted by its closeness, as Lucene's
    /// <see cref="FuzzyQuery"/> rewrites to; the returned query is the caller's to change.
    /// </summary>
    public BooleanQuery Expand(string word, int edits)
    {
        if (!_expansions.TryGetValue((word, edits), out var expansion))
        {
            if (_expansions.Count >= MaxWords)
            {
                _expansions.Clear();
            }

            // Guard: FuzzyQuery misbehaves when the prefix is as long as the term.
            var fuzzy = new FuzzyQuery(new Term(OfferFields.Spell, word), edits, Math.Min(1, word.Length - 1));
            expansion = fuzzy.Rewrite(Reader) as BooleanQuery ?? new BooleanQuery(disableCoord: true);
            _expansions.TryAdd((word, edits), expansion);
        }

        return (BooleanQuery)expansion.Clone();
    }
}
