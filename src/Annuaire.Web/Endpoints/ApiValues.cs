using Annuaire.Content.Model;

namespace Annuaire.Web.Endpoints;

/// <summary>Links and keys the API hands out, spelled once.</summary>
internal static class ApiValues
{
    /// <summary>Path of an offer's page.</summary>
    public static string OfferUrl(string id) => $"/offres/{Uri.EscapeDataString(id)}";

    /// <summary>Path of a search for <paramref name="text"/>.</summary>
    public static string SearchUrl(string text) => $"/recherche?q={Uri.EscapeDataString(text)}";

    /// <summary>The front-matter spelling of a status: actif, suspendu, archive.</summary>
    public static string StatusKey(OfferStatus status) => status.ToString().ToLowerInvariant();
}
