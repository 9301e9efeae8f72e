using Annuaire.Search.Analysis;
using Annuaire.Search.Indexing;
using Annuaire.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Annuaire.Search.Highlighting;

/// <summary>
/// What one search marks, prepared once per search: the analyzed terms of its words and phrases
/// (the index holds their synonyms, folded variants and stems at the same positions), and the
/// stems of the indexed words its misspelled words reached. The index gives where these terms
/// occur; <see cref="Accepts"/> then keeps an occurrence only when its own text says so.
/// </summary>
internal sealed class MatchTerms
{
    /// <summary>Most indexed words one misspelled word may reach (as many as the query could).</summary>
    private const int MaxTypoExpansions = 64;

    private readonly OfferAnalyzers _analyzers;
    private readonly HashSet<string> _exact;
    private readonly HashSet<string> _typoStems;
    private readonly HashSet<string> _typoWords;
    private readonly Dictionary<string, string[]> _analyzedText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _analyzedWords = new(StringComparer.Ordinal);

    private MatchTerms(OfferAnalyzers analyzers, HashSet<string> exact, HashSet<string> typoStems, HashSet<string> typoWords)
    {
        _analyzers = analyzers;
        _exact = exact;
        _typoStems = typoStems;
        _typoWords = typoWords;
        Terms = [.. exact.Union(typoStems).Order(StringComparer.Ordinal)];
        Bytes = [.. Terms.Select(t => new BytesRef(t))];
    }

    /// <summary>The terms to look up in the highlighted fields.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary><see cref="Terms"/> as index bytes, same order.</summary>
    public IReadOnlyList<BytesRef> Bytes { get; }

    /// <summary>
    /// Expands the misspelled words of <paramref name="text"/> the way the query does (same edits,
    /// same first letter, transpositions) on the unstemmed words of the index.
    /// </summary>
    public static MatchTerms Build(TextQuery text, OfferAnalyzers analyzers, IndexReader reader)
    {
        var typoWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (word, edits) in text.FuzzyWords)
        {
            var fuzzy = new FuzzyQuery(new Term(OfferFields.Spell, word), edits, Math.Min(1, word.Length - 1), MaxTypoExpansions, transpositions: true);
            var rewritten = fuzzy.Rewrite(reader);
            var reached = (rewritten as BooleanQuery)?.Clauses.Select(c => c.Query).OfType<TermQuery>().Select(q => q.Term.Text)
                ?? (rewritten is TermQuery single ? [single.Term.Text] : []);
            typoWords.UnionWith(reached);
        }

        var typoStems = typoWords.SelectMany(w => TextQueryBuilder.Analyze(analyzers.Query, w).SelectMany(p => p.Terms)).ToHashSet(StringComparer.Ordinal);
        return new MatchTerms(analyzers, [.. text.Terms], typoStems, typoWords);
    }

    /// <summary>
    /// Whether an occurrence of <see cref="Terms"/>[<paramref name="term"/>] whose text is
    /// <paramref name="surface"/> is a match: a word whose own analysis gives the term, an
    /// expression covered by a synonym (« RSA » marks « revenu de solidarité active »), or a word
    /// reached by a misspelled one. A one-word → many-words synonym rule also puts its extra words
    /// on the text's neighbouring words: those occurrences are not matches.
    /// </summary>
    public bool Accepts(int term, string surface)
    {
        var text = Terms[term];
        if (_exact.Contains(text) && (surface.Any(char.IsWhiteSpace) || Analyzed(_analyzedText, _analyzers.Query, surface).Contains(text, StringComparer.Ordinal)))
        {
            return true;
        }

        return _typoStems.Contains(text) && Analyzed(_analyzedWords, _analyzers.Words, surface).Any(_typoWords.Contains);
    }

    private static string[] Analyzed(Dictionary<string, string[]> cache, Lucene.Net.Analysis.Analyzer analyzer, string surface)
    {
        if (!cache.TryGetValue(surface, out var terms))
        {
            terms = [.. TextQueryBuilder.Analyze(analyzer, surface).SelectMany(p => p.Terms)];
            cache[surface] = terms;
        }

        return terms;
    }
}
