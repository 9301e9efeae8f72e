using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Util;

namespace Annuaire.Search.Analysis;

/// <summary>
/// The French chain for offer text:
/// StandardTokenizer → ElisionFilter → LowerCaseFilter → [SynonymFilter, index time only]
/// → StopFilter (French minus meaningful words) → ASCIIFoldingFilter keeping the original
/// → FrenchLightStemFilter → ASCIIFoldingFilter → RemoveDuplicatesTokenFilter.
/// Synonyms run before stop words so that rules like « permis de conduire » match whole; the
/// stemmer runs before folding because its rules read accents (« -ité », « -ée »), and the
/// folded variant makes unaccented typing meet accented text whatever the stemmer does.
/// </summary>
public sealed class FrenchOfferAnalyzer : Analyzer
{
    private readonly SynonymMap? _synonyms;
    private readonly AttributeSource.AttributeFactory _attributes;

    /// <summary>Creates the analyzer; pass a synonym map for the index-time variant.</summary>
    public FrenchOfferAnalyzer(SynonymMap? synonyms = null)
        : this(synonyms, Token.TOKEN_ATTRIBUTE_FACTORY)
    {
    }

    /// <summary>The analyzer with its tokens' attributes made by <paramref name="attributes"/> (see <see cref="FrenchAnalysis.BaseChain(TextReader, out Tokenizer, AttributeSource.AttributeFactory)"/>).</summary>
    internal FrenchOfferAnalyzer(SynonymMap? synonyms, AttributeSource.AttributeFactory attributes)
    {
        _synonyms = synonyms;
        _attributes = attributes;
    }

    /// <summary>
    /// Positions left between two values of one field (the body's text and the title, summary,
    /// keywords… added after it; two keywords): a phrase never spans two values.
    /// </summary>
    public const int ValueGap = 100;

    /// <inheritdoc />
    public override int GetPositionIncrementGap(string fieldName) => ValueGap;

    /// <inheritdoc />
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var stream = FrenchAnalysis.BaseChain(reader, out var tokenizer, _attributes);
        if (_synonyms is not null)
        {
            // The base chain has already lower-cased every token, and the rules are parsed with
            // the same chain: asking the filter to lower-case again cost 15 % of an index build.
            stream = new SynonymFilter(stream, _synonyms, ignoreCase: false);
        }

        stream = new StopFilter(LuceneSettings.Version, stream, FrenchAnalysis.StopWords);
        stream = new ASCIIFoldingFilter(stream, preserveOriginal: true);
        stream = new FrenchLightStemFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new RemoveDuplicatesTokenFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
