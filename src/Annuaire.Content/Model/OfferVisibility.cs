namespace Annuaire.Content.Model;

/// <summary>
/// The one rule deciding whether an offer is listed on a given day: in search results,
/// suggestions, related offers, the sitemap and the data·inclusion export. An offer that is not
/// listed keeps its page (a shared link still opens, with its status shown).
/// </summary>
public static class OfferVisibility
{
    /// <summary>Listed unless archived, past <c>valide_jusqu_au</c> or before <c>valide_du</c>.</summary>
    public static bool IsListed(Offer offer, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return offer.Statut != OfferStatus.Archive
            && !offer.IsExpired(today)
            && !(offer.ValideDu is { } start && start > today);
    }
}
