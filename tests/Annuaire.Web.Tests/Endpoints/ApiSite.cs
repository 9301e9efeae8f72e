namespace Annuaire.Web.Tests.Endpoints;

/// <summary>The site with one offer of the tests' own, written before it starts.</summary>
public sealed class ApiSite : IDisposable
{
    /// <summary>A word found in no other offer.</summary>
    public const string Word = "quorvaxine";

    public const string OfferId = "garage-quorvaxine";

    public ApiSite()
    {
        File.WriteAllText(Path.Combine(Site.ContentPath, "offres", "national", OfferId + ".md"), $$"""
            ---
            titre: "Garage solidaire {{Word}} & réparations"
            resume: "Réparations à prix coûtant pour garder une voiture en état de rouler."
            porteur: france-travail
            thematiques: [mobilite--entretenir-reparer-son-vehicule]
            zone_eligibilite: [france]
            contact:
              nom: "Accueil du garage"
              telephone: "01 99 00 12 34"
            lieux:
              - nom: "Atelier principal"
                commune: "Orléans"
                code_insee: "45234"
            date_maj: 2026-01-01
            ---
            Le garage {{Word}} répare à prix coûtant les véhicules des personnes en insertion, pour garder
            une voiture en état de rouler : « freins », pneus & vidange (< 50 €).
            """);
    }

    public SiteFactory Site { get; } = new();

    public void Dispose() => Site.Dispose();
}
