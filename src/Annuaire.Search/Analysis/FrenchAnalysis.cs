using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Annuaire.Search.Analysis;

/// <summary>The word lists of the French chain, in one place.</summary>
public static class FrenchAnalysis
{
    /// <summary>
    /// Words of Lucene's French stop list that carry meaning in social-services text and are
    /// kept: « sans domicile », « sans permis », « pas de logement », « été », « eu ».
    /// </summary>
    public static IReadOnlyList<string> MeaningfulStopWords { get; } = ["sans", "pas", "été", "eu", "non", "contre", "avant", "après"];

    /// <summary>Elided articles and pronouns: l', d', qu', jusqu', lorsqu'…</summary>
    public static IReadOnlyList<string> Elisions { get; } = ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu", "presqu", "quelqu"];

    /// <summary>French stop words minus <see cref="MeaningfulStopWords"/>.</summary>
    public static CharArraySet StopWords { get; } = BuildStopWords();

    /// <summary>The elision set (both apostrophes are handled by the filter).</summary>
    public static CharArraySet ElisionSet { get; } = new(LuceneSettings.Version, Elisions.ToList(), ignoreCase: true);

    /// <summary>
    /// The start shared by every chain of the project: StandardTokenizer → ElisionFilter →
    /// lower case (<see cref="InvariantLowerCaseFilter"/>, Lucene's LowerCaseFilter made fast). Synonym rules are parsed with exactly this, so they match the text.
    /// </summary>
    public static TokenStream BaseChain(TextReader reader, out Tokenizer tokenizer) =>
        BaseChain(reader, out tokenizer, Token.TOKEN_ATTRIBUTE_FACTORY);

    /// <summary>
    /// <see cref="BaseChain(TextReader, out Tokenizer)"/> with the attributes made by
    /// <paramref name="attributes"/>. The chain uses <see cref="Token.TOKEN_ATTRIBUTE_FACTORY"/>: term,
    /// offsets, position increment and length, and type are then one object, so the synonym and
    /// folding filters, which copy a token's state for every word that may start a rule (« aide »,
    /// « centre », « contrat »…), copy one object instead of five: a tenth of an index build.
    /// </summary>
    internal static TokenStream BaseChain(TextReader reader, out Tokenizer tokenizer, AttributeSource.AttributeFactory attributes)
    {
        tokenizer = new StandardTokenizer(LuceneSettings.Version, attributes, reader);
        TokenStream stream = new ElisionFilter(tokenizer, ElisionSet);
        return new InvariantLowerCaseFilter(stream);
    }

    private static CharArraySet BuildStopWords()
    {
        var words = FrenchAnalyzer.DefaultStopSet.Select(w => w.ToString()).Where(w => !MeaningfulStopWords.Contains(w)).ToList();
        return new CharArraySet(LuceneSettings.Version, words, ignoreCase: true).AsReadOnly();
    }
}
