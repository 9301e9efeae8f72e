using Annuaire.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Annuaire.Search.Tests.Analysis;

/// <summary>
/// The French chain makes its attributes with Lucene's token factory (one object per token for the
/// synonym and folding filters to copy): the tokens must be exactly those of separate attributes.
/// </summary>
public sealed class TokenAttributeFactoryTests
{
    private static readonly string Content = Path.Combine(AppContext.BaseDirectory, "TestData", "content");

    [Fact]
    public void Tokens_WithTokenFactory_SameAsSeparateAttributes()
    {
        // Every test offer whole (front matter and body), and rules that start, end and overlap
        // (« revenu de solidarité active » is several words, « RSA » one).
        var texts = Directory.EnumerateFiles(Path.Combine(Content, "offres"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText)
            .Append("RSA : le revenu de solidarité active, l'aide au logement (APL) et Pôle emploi, pole emploi, CCAS, sans domicile fixe.")
            .ToList();
        using var analyzers = new OfferAnalyzers(File.ReadLines(Path.Combine(Content, "referentiels", "synonymes.txt")));
        using var separate = new FrenchOfferAnalyzer(analyzers.Synonyms, AttributeSource.AttributeFactory.DEFAULT_ATTRIBUTE_FACTORY);
        using var packed = new FrenchOfferAnalyzer(analyzers.Synonyms);

        var synonyms = 0;
        foreach (var text in texts)
        {
            var expected = Tokens(separate, text);
            synonyms += expected.Count(t => t.Type == "SYNONYM");
            Assert.Equal(expected, Tokens(packed, text));
        }

        Assert.True(texts.Count > 10);
        Assert.True(synonyms > 20, $"{synonyms} synonym tokens: the texts must exercise the rules.");
    }

    private static List<(string Term, int Start, int End, int Increment, int Length, string Type)> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<(string, int, int, int, int, string)>();
        using var stream = analyzer.GetTokenStream("f", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var length = stream.AddAttribute<IPositionLengthAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement, length.PositionLength, type.Type));
        }

        stream.End();
        return tokens;
    }
}
