using Annuaire.Content.Exchange;
using Annuaire.Content.Parsing;
using Annuaire.Content.Referentials;

namespace Annuaire.Content.Tests.Exchange;

/// <summary>Whatever text an editor pasted, the written file reads back to the same values.</summary>
public sealed class OfferYamlWriterTests
{
    private static readonly ValidationOptions Options = new() { Today = new DateOnly(2026, 11, 22) };

    public static TheoryData<string> PastedTexts => new()
    {
        "Guillemets \"droits\" et \\ barre oblique inverse",
        "Tabulation\tet retour\r\nchariot",
        "Saut de ligne manuel Word\vsuite",
        "Saut de page\fsuite",
        "Séparateur de ligne\u2028et de paragraphe\u2029fin",
        "Espace\u00A0insécable, espace fine\u202F; et césure\u00ADconditionnelle",
        "Caractère nul\0, cloche\a, échappement\u001B et DEL\u007F",
        "Suivant NEL\u0085 et zéro\u200Blargeur",
        "Émoji 🙂 et « guillemets » français",
        "# pas un commentaire: ni - une liste, ni [un, tableau], ni {une: table}",
        "05",
        "true",
        "---",
    };

    private static ReferentialSet Referentials()
    {
        var diagnostics = new List<Content.Diagnostics.Diagnostic>();
        return ReferentialLoader.Load(TestPaths.RealContent, diagnostics);
    }

    [Theory]
    [MemberData(nameof(PastedTexts))]
    public void Write_WhenTextPastedFromWordProcessor_ReadsBackIdentical(string pasted)
    {
        KeyValuePair<string, object?>[] fields =
        [
            new("titre", "Atelier " + pasted),
            new("resume", "Un résumé assez long pour être valide : " + pasted),
            new("porteur", "france-travail"),
            new("thematiques", new[] { "trouver-un-emploi--repondre-a-des-offres-demploi" }),
            new("zone_eligibilite", new[] { "france" }),
            new("conditions_acces", pasted),
            new("contact", new Dictionary<string, object?> { ["nom"] = pasted, ["telephone"] = null }),
            new("lieux", new[] { new Dictionary<string, object?> { ["nom"] = pasted, ["adresse"] = pasted, ["commune"] = "Orléans", ["code_insee"] = "45234", ["latitude"] = 47.9029 } }),
            new("date_maj", new DateOnly(2026, 1, 15)),
        ];

        var text = OfferYamlWriter.Write(fields, "Texte de l'offre.");
        var (offer, diagnostics) = OfferFileReader.Parse("offres/national/atelier.md", text, Referentials(), Options);

        Assert.True(offer is not null, text + "\n" + string.Join("\n", diagnostics));
        Assert.Equal("Atelier " + pasted, offer.Titre);
        Assert.Equal(pasted, offer.ConditionsAcces);
        Assert.Equal(pasted, offer.Contact?.Nom);
        var place = Assert.Single(offer.Lieux);
        Assert.Equal(pasted, place.Nom);
        Assert.Equal(pasted, place.Adresse);
        Assert.Equal(47.9029, place.Latitude);
        Assert.Equal(new DateOnly(2026, 1, 15), offer.DateMaj);
    }

    [Fact]
    public void Write_WhenValuesEmpty_LeavesKeysOut()
    {
        var text = OfferYamlWriter.Write(
            [new("titre", "Titre"), new("type", null), new("publics", Array.Empty<string>()), new("contact", new Dictionary<string, object?> { ["nom"] = null })],
            "Corps");
        Assert.Equal("---\ntitre: \"Titre\"\n---\nCorps\n", text);
    }
}
