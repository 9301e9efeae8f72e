using Annuaire.Search.Querying;

namespace Annuaire.Bench;

/// <summary>The mixed query set: plain words, missing accents, typos, acronyms, phrases, exclusions, filters, browse, pages.</summary>
internal static class QueryMix
{
    private static readonly string[] Texts =
    [
        "aide permis", "hebergement urgence", "hébergement d'urgence orléans", "logement jeunes", "garde enfants", "RSA", "FSL", "CCAS",
        "pole emploi", "france travail atelier cv", "permsi", "hébergemnt", "logemnt social", "voiture sans permis", "\"garage solidaire\"",
        "logement -fsl", "mobilite", "transport a la demande", "dettes surendettement", "addiction alcool", "psychologue", "epicerie sociale",
        "formation qualifiante", "creation entreprise", "115", "c2s mutuelle", "apl", "caution logement", "scooter", "velo electrique",
    ];

    public static SearchRequest[] Build(int count, int seed)
    {
        var random = new Random(seed);
        var requests = new SearchRequest[count];
        for (var i = 0; i < count; i++)
        {
            var kind = random.Next(10);
            var request = new SearchRequest { Text = Texts[random.Next(Texts.Length)], Page = 1 + random.Next(3) == 3 ? 2 : 1 };
            requests[i] = kind switch
            {
                0 => (request with { Text = null, Territoire = "45" }).With(FacetDimension.Thematique, "mobilite"),
                1 => request with { Territoire = "45208" },
                2 => request.With(FacetDimension.Thematique, "logement-hebergement"),
                3 => (request with { Territoire = "48" }).With(FacetDimension.Public, "jeunes"),
                4 => request with { Sort = SearchSort.DateMaj },
                5 => request with { Page = 3 },
                _ => request,
            };
        }

        return requests;
    }
}
