using Annuaire.Content.Text;

namespace Annuaire.Content.Tests.Text;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Hébergement d’Urgence", "hebergement d'urgence")]
    [InlineData("Œuvre", "oeuvre")]
    [InlineData("cœur", "coeur")]
    [InlineData("sœurs ŒUVRES", "soeurs oeuvres")]
    [InlineData("Cæcilia", "caecilia")]
    [InlineData("ÆQUO", "aequo")]
    public void Fold_WhenAccentsOrLigatures_ReturnsPlainLowerCase(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Fold(text));

    [Fact]
    public void Words_WhenLigatureInText_MatchesSpelledOutForm() =>
        Assert.Equal(TextNormalizer.Words("soins du cœur"), TextNormalizer.Words("Soins du coeur"));
}
