using Annuaire.Content.Exchange;
using Annuaire.Content.Model;
using Annuaire.Content.Parsing;
using Annuaire.Content.Referentials;

namespace Annuaire.Content.Tests.Exchange;

/// <summary>Offers written by the exchange tests (parsed like any file, against the real referentials).</summary>
internal static class ExchangeOffers
{
    public static readonly ValidationOptions Options = new() { Today = new DateOnly(2026, 11, 22) };

    private static readonly Lazy<ReferentialSet> LazyReferentials = new(() => ReferentialLoader.Load(TestPaths.RealContent, []));

    public static ReferentialSet Referentials => LazyReferentials.Value;

    /// <summary>An offer delivered in three places of the Loiret, reachable on <paramref name="telephone"/>.</summary>
    public static Offer MultiPlace(string id, string telephone)
    {
        KeyValuePair<string, object?>[] fields =
        [
            new("titre", "Permanences mobilité " + id),
            new("resume", "Des conseillers mobilité reçoivent sans rendez-vous dans trois villes du Loiret."),
            new("porteur", "cd45"),
            new("thematiques", new[] { "mobilite--etre-accompagne-dans-son-parcours-mobilite" }),
            new("zone_eligibilite", new[] { "45" }),
            new("modes_mobilisation", new[] { "telephoner", "se-presenter" }),
            new("contact", new Dictionary<string, object?> { ["nom"] = "Accueil mobilité", ["telephone"] = telephone }),
            new("lieux", new[]
            {
                Place("Maison du Département d'Orléans", "15 rue Eugène-Vignat", "45000", "Orléans", "45234", "Mo-Fr 09:00-12:00"),
                Place("Antenne de Montargis", "2 place Mirabeau", "45200", "Montargis", "45208", "Tu,Th 14:00-17:00"),
                Place("Antenne de Gien", "1 quai Lenoir", "45500", "Gien", "45155", null),
            }),
            new("date_maj", new DateOnly(2026, 10, 1)),
        ];
        return Parse(id, OfferYamlWriter.Write(fields, "Les conseillers mobilité aident à trouver une solution pour se rendre au travail ou en formation."));
    }

    public static Offer Parse(string id, string text)
    {
        var (offer, diagnostics) = OfferFileReader.Parse($"offres/loiret/{id}.md", text, Referentials, Options);
        return offer ?? throw new InvalidOperationException(string.Join("\n", diagnostics));
    }

    private static Dictionary<string, object?> Place(string nom, string adresse, string codePostal, string commune, string codeInsee, string? horaires) => new()
    {
        ["nom"] = nom,
        ["adresse"] = adresse,
        ["code_postal"] = codePostal,
        ["commune"] = commune,
        ["code_insee"] = codeInsee,
        ["horaires"] = horaires,
    };
}
