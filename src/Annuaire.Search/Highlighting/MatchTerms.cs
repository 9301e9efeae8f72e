using Annuaire.Search.Analysis;
using Annuaire.Search.Indexing;
using Annuaire.Search.Querying;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Annuaire.Search.Highlighting;

/// <summary>
/// What one search marks, prepared once per search: the analyzed terms of its words and phrases
/// (the index holds their synonyms, folded variants and stems at the same positions), and the
/// stems of the indexed words its misspelled words reached (so their plural or accented forms are
/// marked too). The index gives where these terms occur; an occurrence of a term a synonym rule
/// may inject is kept only when its own text says so (<see cref="Accepts"/>).
/// </summary>
internal sealed class MatchTerms
{
    private readonly OfferAnalyzers _analyzers;

    private MatchTerms(OfferAnalyzers analyzers, IEnumerable<string> terms)
    {
        _analyzers = analyzers;
        Terms = [.. terms.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Bytes = [.. Terms.Select(t => new BytesRef(t))];
    }

    /// <summary>The terms to look up in the highlighted fields.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary><see cref="Terms"/> as index bytes, same order.</summary>
    public IReadOnlyList<BytesRef> Bytes { get; }

    /// <summary>
    /// The terms of <paramref name="text"/>, plus the stems of the indexed words its misspelled
    /// words reached: read from <paramref name="rewritten"/>, the query as the search rewrote it
    /// (each typo expanded once per search, for finding and for marking alike).
    /// </summary>
    public static MatchTerms Build(TextQuery text, Query? rewritten, OfferAnalyzers analyzers)
    {
        var typoWords = new HashSet<string>(StringComparer.Ordinal);
        if (text.FuzzyWords.Count > 0 && rewritten is not null)
        {
            CollectTypoWords(rewritten, typoWords);
        }

        var typoStems = typoWords.SelectMany(w => TextQueryBuilder.Analyze(analyzers.Query, w).SelectMany(p => p.Terms)).ToHashSet(StringComparer.Ordinal);
        return new MatchTerms(analyzers, text.Terms.Concat(typoStems));
    }

    /// <summary>The words of <see cref="OfferFields.Spell"/> a rewritten query holds: those its typo-tolerant clauses reached.</summary>
    private static void CollectTypoWords(Query query, HashSet<string> into)
    {
        switch (query)
        {
            case TermQuery { Term: { Field: OfferFields.Spell } term }:
                into.Add(term.Text);
                break;
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                {
                    CollectTypoWords(clause.Query, into);
                }

                break;
            case DisjunctionMaxQuery dismax:
                foreach (var disjunct in dismax.Disjuncts)
                {
                    CollectTypoWords(disjunct, into);
                }

                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Whether an occurrence of <see cref="Terms"/>[<paramref name="term"/>] must be checked with
    /// <see cref="Accepts"/>: a term some synonym rule may inject. Any other occurrence of a
    /// term is a word whose analysis gave it.
    /// </summary>
    public bool NeedsCheck(int term) => _analyzers.SynonymTerms.Contains(Terms[term]);

    /// <summary>
    /// Whether an occurrence of <see cref="Terms"/>[<paramref name="term"/>] whose text is
    /// <paramref name="surface"/> is a match: a word whose own analysis gives the term, or an
    /// expression covered by a synonym (« RSA » marks « revenu de solidarité active »). A one-word
    /// → many-words rule also puts its extra words on the text's neighbouring words, and a word
    /// on its synonym (« RSA » for « revenu »): those occurrences are not matches.
    /// </summary>
    public bool Accepts(int term, string surface) =>
        surface.Any(char.IsWhiteSpace) || _analyzers.QueryTermsOf(surface).Contains(Terms[term], StringComparer.Ordinal);
}
