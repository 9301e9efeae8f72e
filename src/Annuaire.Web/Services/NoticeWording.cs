using System.Globalization;
using Annuaire.Content.Referentials;
using Annuaire.Search.Querying;

namespace Annuaire.Web.Services;

/// <summary>
/// The French sentences of the engine's <see cref="SearchNotice"/> values, in one place for the
/// site, the API and the command line (which links this file).
/// </summary>
internal static class NoticeWording
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The sentence of a notice; place names come from <paramref name="territories"/> when known.</summary>
    public static string Of(SearchNotice notice, Territories? territories) => notice switch
    {
        SearchNotice.TextShortened n => string.Create(French, $"Votre recherche a été raccourcie à {n.MaxLength} caractères."),
        SearchNotice.WordsLimited n => string.Create(French, $"Seuls les {n.MaxWords} premiers mots ont été pris en compte."),
        SearchNotice.TypoToleranceLimited n => string.Create(French, $"Les fautes de frappe ne sont tolérées que sur les {n.MaxWords} premiers mots inconnus ; les autres sont cherchés tels quels."),
        SearchNotice.TerritoryNotRecognized n => $"Territoire « {n.Typed} » non reconnu : filtre ignoré. Indiquez un code de département (45), un code postal (45200), un code INSEE de commune (45234) ou un nom de commune.",
        SearchNotice.UnknownPostalCode n => $"« {n.Code} » : code postal inconnu, cherché comme un mot.",
        SearchNotice.PlaceRecognized n => $"Lieu reconnu : {Place(n.Territory, territories)}. Les offres de ce territoire et les offres nationales sont affichées.",
        SearchNotice.IndexNotReady => "L'index est en cours de construction : réessayez dans quelques secondes.",
        _ => notice.ToString(),
    };

    /// <summary>The name of a place read in a query: a postal code with its communes, a région, a commune, a département…</summary>
    public static string Place(Territory territory, Territories? territories)
    {
        ArgumentNullException.ThrowIfNull(territory);
        if (territories is null)
        {
            return territory.Code;
        }

        return territory.Kind switch
        {
            PlaceKind.PostalCode => $"{territory.Code} ({string.Join(", ", territory.Communes.Take(4).Select(territories.NameOf))}{(territory.Communes.Count > 4 ? "…" : string.Empty)})",
            PlaceKind.Region => territories.Regions.TryGetValue(territory.Code, out var r) ? r.Nom : territory.Code,
            _ => territories.NameOf(territory.Code),
        };
    }
}
