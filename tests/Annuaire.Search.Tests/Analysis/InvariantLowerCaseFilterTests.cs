using Annuaire.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using static Annuaire.Search.Tests.Analysis.AnalyzerAssert;

namespace Annuaire.Search.Tests.Analysis;

public sealed class InvariantLowerCaseFilterTests
{
    [Fact]
    public void Of_EveryUtf16Unit_SameAsLuceneLowerCaseFilter()
    {
        // Every unit that is not a surrogate, each alone in a token, through Lucene's filter.
        using var lucene = new ChainAnalyzer(useLucene: true, whitespace: true);
        var differences = new List<string>();
        for (var c = 1; c <= char.MaxValue; c++)
        {
            if (char.IsSurrogate((char)c) || char.IsWhiteSpace((char)c))
            {
                continue;
            }

            var expected = Tokens(lucene, $"{(char)c}");
            if (expected.Count == 1 && expected[0] != $"{InvariantLowerCaseFilter.Of((char)c)}")
            {
                differences.Add($"U+{c:X4}");
            }
        }

        Assert.Empty(differences);
    }

    [Theory]
    [InlineData("HÉBERGEMENT d'Urgence À Orléans")]
    [InlineData("ÇA ŒUVRE ÆTHER ẞ İstanbul ΣΊΣΥΦΟΣ")]
    [InlineData("Aide 😀 MOBILITÉ 𝐀𝐁𝐂 Ünïcödé")]
    [InlineData("ǅemal ǈubljana Ǳ")]
    public void IncrementToken_Text_SameTokensAsLuceneLowerCaseFilter(string text)
    {
        using var lucene = new ChainAnalyzer(useLucene: true, whitespace: true);
        using var ours = new ChainAnalyzer(useLucene: false, whitespace: true);

        Assert.Equal(Tokens(lucene, text), Tokens(ours, text));
    }

    [Fact]
    public void IncrementToken_MixedCase_LowerCases()
    {
        using var ours = new ChainAnalyzer(useLucene: false, whitespace: false);

        AnalyzesTo(ours, "Pôle EMPLOI", "pôle", "emploi");
    }

    private sealed class ChainAnalyzer(bool useLucene, bool whitespace) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            Tokenizer tokenizer = whitespace ? new WhitespaceTokenizer(LuceneSettings.Version, reader) : new StandardTokenizer(LuceneSettings.Version, reader);
            TokenStream stream = useLucene ? new LowerCaseFilter(LuceneSettings.Version, tokenizer) : new InvariantLowerCaseFilter(tokenizer);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
