using Annuaire.Search.Analysis;
using static Annuaire.Search.Tests.Analysis.AnalyzerAssert;

namespace Annuaire.Search.Tests.Analysis;

public sealed class FrenchOfferAnalyzerTests : IDisposable
{
    private readonly FrenchOfferAnalyzer _analyzer = new();
    private readonly OfferAnalyzers _withSynonyms = new([
        "rsa, revenu de solidarité active",
        "pôle emploi, france travail",
        "permis b, permis de conduire",
        "voiturette, voiture sans permis",
    ]);

    public void Dispose()
    {
        _analyzer.Dispose();
        _withSynonyms.Dispose();
    }

    [Theory]
    [InlineData("hébergement")]
    [InlineData("hebergement")]
    [InlineData("HÉBERGEMENTS")]
    [InlineData("Hébergements")]
    public void Analyze_WhenAccentsCaseOrPluralDiffer_SameToken(string text) =>
        AnalyzesTo(_analyzer, text, "heberg");

    [Theory]
    [InlineData("l'aide")]
    [InlineData("l’aide")]
    [InlineData("aide")]
    [InlineData("aides")]
    [InlineData("L'AIDE")]
    public void Analyze_WhenElidedOrPlural_SameToken(string text) =>
        AnalyzesTo(_analyzer, text, "aide");

    [Fact]
    public void Analyze_WhenPlural_MeetsSingular() =>
        Assert.Equal(Tokens(_analyzer, "logement"), Tokens(_analyzer, "logements"));

    [Fact]
    public void Analyze_WhenUnaccentedTyping_MeetsAccentedText()
    {
        Assert.Equal(Tokens(_analyzer, "mobilité"), Tokens(_analyzer, "mobilite"));
        Assert.Equal(Tokens(_analyzer, "précarité énergétique"), Tokens(_analyzer, "precarite energetique"));
    }

    [Fact]
    public void Analyze_WhenMeaningfulStopWords_KeepsThem()
    {
        Assert.Equal(2, Tokens(_analyzer, "sans permis").Count);
        Assert.Equal(2, Tokens(_analyzer, "pas de logement").Count);
    }

    [Fact]
    public void Analyze_WhenOrdinaryStopWords_DropsThem() =>
        AnalyzesTo(_analyzer, "le logement et la mobilité des jeunes", "loge", "mobilit", "jeun");

    [Fact]
    public void Analyze_WhenSynonymAcronym_IndexesExpansion()
    {
        var tokens = Tokens(_withSynonyms.Text, "Allocataires du RSA");
        Assert.Contains("rsa", tokens);
        Assert.Contains(Tokens(_analyzer, "revenu")[0], tokens);
        Assert.Contains(Tokens(_analyzer, "solidarité")[0], tokens);
    }

    [Fact]
    public void Analyze_WhenSynonymExpansion_IndexesAcronym()
    {
        var tokens = Tokens(_withSynonyms.Text, "bénéficiaires du revenu de solidarité active");
        Assert.Contains("rsa", tokens);
    }

    [Theory]
    [InlineData("Pôle emploi")]
    [InlineData("pole emploi")]
    [InlineData("POLE EMPLOI")]
    public void Analyze_WhenPoleEmploiWithOrWithoutAccent_IndexesFranceTravail(string text)
    {
        var tokens = Tokens(_withSynonyms.Text, text);
        Assert.Contains(Tokens(_analyzer, "travail")[0], tokens);
        Assert.Contains("franc", tokens.Select(t => t[..Math.Min(5, t.Length)]));
    }

    [Fact]
    public void Analyze_WhenQueryAnalyzer_DoesNotExpandSynonyms() =>
        AnalyzesTo(_withSynonyms.Query, "RSA", "rsa");

    [Fact]
    public void Words_WhenTypo_KeepsUnstemmedFoldedWord() =>
        AnalyzesTo(_withSynonyms.Words, "L'Hébergement", "hebergement");

    /// <summary>
    /// The stemmer reads accents, so the accented and the unaccented spellings can stem apart;
    /// the folded copy kept before the stemmer makes them share a token whatever the ending.
    /// </summary>
    [Theory]
    [InlineData("sécurité", "securite")]
    [InlineData("activités", "activites")]
    [InlineData("santé", "sante")]
    [InlineData("créée", "creee")]
    [InlineData("aînés", "aines")]
    [InlineData("cœur", "coeur")]
    public void Analyze_WhenTypedWithoutAccents_SharesATokenWithTheAccentedWord(string accented, string plain) =>
        Assert.NotEmpty(Tokens(_analyzer, accented).Intersect(Tokens(_analyzer, plain)));

    [Theory]
    [InlineData("aide n° 12")]
    [InlineData("garde ½ journée")]
    [InlineData("cœur œuvre")]
    public void Analyze_WhenTokensHaveAccentsOrSymbols_EmitsEachTokenOnce(string text)
    {
        var tokens = Tokens(_analyzer, text);
        Assert.NotEmpty(tokens);
        Assert.Equal(tokens.Distinct(), tokens);
    }
}
