using System.Collections.Frozen;
using Annuaire.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;

namespace Annuaire.Search.Analysis;

/// <summary>
/// The analyzers of one index generation, built once: the index-time wrapper (French chain
/// with synonyms, edge n-grams for suggestions, unstemmed words for spelling and typos) and
/// the query-time French chain (no synonyms: they are expanded at index time).
/// </summary>
public sealed class OfferAnalyzers : IDisposable
{
    private readonly BoundedCache<string, string[]> _queryTerms;

    /// <summary>Longest prefix indexed for search-as-you-type.</summary>
    public const int MaxSuggestGram = 20;

    /// <summary>Builds the analyzers from <c>synonymes.txt</c> lines.</summary>
    public OfferAnalyzers(IEnumerable<string> synonymLines)
    {
        var lines = synonymLines.ToList();
        Synonyms = SynonymRules.Build(lines, out var errors);
        SynonymErrors = errors;
        Text = new FrenchOfferAnalyzer(Synonyms);
        Query = new FrenchOfferAnalyzer();
        Words = new WordAnalyzer(edgeGrams: false);
        Prefixes = new WordAnalyzer(edgeGrams: true);
        SynonymTerms = Synonyms is null ? FrozenSet<string>.Empty : TermsOf(Query, lines.Where(l => !l.TrimStart().StartsWith('#')));
        _queryTerms = new BoundedCache<string, string[]>(MaxRememberedWords, words => [.. TermsOf(Query, words)]);
        Index = new PerFieldAnalyzerWrapper(Text, new Dictionary<string, Analyzer>
        {
            [OfferFields.Suggest] = Prefixes,
            [OfferFields.Spell] = Words,
        });
    }

    /// <summary>The synonym map, or null when there are no usable rules.</summary>
    public SynonymMap? Synonyms { get; }

    /// <summary>Rules that could not be parsed (French messages).</summary>
    public IReadOnlyList<SynonymError> SynonymErrors { get; }

    /// <summary>
    /// Every term of the synonym rules, as the query chain gives it: the only terms the index can
    /// hold at places where the text does not say them (highlighting checks those places).
    /// </summary>
    public IReadOnlySet<string> SynonymTerms { get; }

    /// <summary>Index-time analyzer for all fields.</summary>
    public Analyzer Index { get; }

    /// <summary>French chain with synonyms (index time, and highlighting).</summary>
    public Analyzer Text { get; }

    /// <summary>French chain without synonyms (query time).</summary>
    public Analyzer Query { get; }

    /// <summary>Lower-cased, folded, unstemmed words (typo tolerance and spelling).</summary>
    public Analyzer Words { get; }

    /// <summary>Edge n-grams of folded words (search-as-you-type).</summary>
    public Analyzer Prefixes { get; }

    /// <summary>Words of offers whose query-time terms are remembered, at most (then forgotten all at once).</summary>
    internal const int MaxRememberedWords = 20_000;

    /// <summary>
    /// The terms the query chain gives for <paramref name="words"/>, a few words of an offer's text:
    /// marking checks the words synonyms may have placed, and the same words (« logement »,
    /// « Aides ») come back in search after search. Remembered for these analyzers' life.
    /// </summary>
    internal string[] QueryTermsOf(string words) => _queryTerms.GetOrAdd(words);

    /// <inheritdoc />
    public void Dispose()
    {
        Index.Dispose();
        Text.Dispose();
        Query.Dispose();
        Words.Dispose();
        Prefixes.Dispose();
    }

    private static FrozenSet<string> TermsOf(Analyzer analyzer, IEnumerable<string> lines) =>
        lines.SelectMany(line => TermsOf(analyzer, line)).ToFrozenSet(StringComparer.Ordinal);

    private static List<string> TermsOf(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(OfferFields.Body, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    /// <summary>StandardTokenizer → Elision → LowerCase → ASCIIFolding [→ EdgeNGram].</summary>
    private sealed class WordAnalyzer(bool edgeGrams) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            TokenStream stream = new ASCIIFoldingFilter(FrenchAnalysis.BaseChain(reader, out var tokenizer));
            if (edgeGrams)
            {
                stream = new EdgeNGramTokenFilter(LuceneSettings.Version, stream, 1, MaxSuggestGram);
            }

            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
