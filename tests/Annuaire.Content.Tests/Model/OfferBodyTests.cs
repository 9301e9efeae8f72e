using Annuaire.Content.Model;

namespace Annuaire.Content.Tests.Model;

/// <summary>The body is held compressed (short ones as UTF-8): every text reads back exactly, and equality still compares text.</summary>
public sealed class OfferBodyTests
{
    private static Offer Offer(string body) => new()
    {
        Id = "aide", SourcePath = "offres/45/aide.md", Titre = "Aide", Resume = "Un résumé assez long pour valider.", Porteur = "p",
        Thematiques = ["mobilite--preparer-un-permis"], ZoneEligibilite = ["45"], DateMaj = new DateOnly(2026, 1, 1),
        Body = body,
    };

    [Theory]
    [InlineData("")]
    [InlineData("Texte.")]
    [InlineData("Accès à l'hébergement d'urgence « 115 » — Œuvre, ÇA, déjà.")]
    [InlineData("Émoji hors du plan de base : 🚗 et 𝔸.")]
    [InlineData("Substitut isolé \ud800 au milieu, \udc00 puis fin")]
    public void Body_ReadsBackExactly(string body)
    {
        Assert.Equal(body, Offer(body).Body);
    }

    /// <summary>Bodies long enough to be compressed: prose, text that does not shrink, a lone surrogate.</summary>
    public static TheoryData<string> LongBodies() =>
    [
        string.Concat(Enumerable.Repeat("## Accès au droit\n\nLe CCAS reçoit les bénéficiaires du RSA — sans rendez-vous. ", 200)),
        string.Concat(Enumerable.Range(0, 2000).Select(i => (char)(0x4E00 + ((i * 7919) % 20000)))),
        new string('é', 300) + "\ud800" + new string('a', 300),
    ];

    [Theory]
    [MemberData(nameof(LongBodies))]
    public void Body_WhenLong_ReadsBackExactly(string body)
    {
        Assert.Equal(body, Offer(body).Body);
    }

    [Fact]
    public void Equality_WhenLongBodiesHaveSameText_IsEqual()
    {
        var text = string.Concat(Enumerable.Repeat("Le service « logement » accompagne les familles. ", 40));
        var one = Offer(text);
        var other = one with { Body = new string(text.AsSpan()) };

        Assert.Equal(one, other);
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
        Assert.NotEqual(one, other with { Body = text + "." });
    }

    [Fact]
    public void Equality_WhenBodiesHaveSameText_IsEqual()
    {
        var one = Offer("Un texte « commun ».");
        var other = one with { Body = string.Concat("Un texte ", "« commun ».") }; // Same lists: only the body is compared anew.

        Assert.Equal(one, other);
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
        Assert.NotEqual(one, other with { Body = "Un autre texte." });
    }

    [Fact]
    public void With_WhenBodyUnchanged_KeepsBody()
    {
        var offer = Offer("Le texte d'origine.");

        Assert.Equal("Le texte d'origine.", (offer with { Titre = "Autre titre" }).Body);
    }
}
