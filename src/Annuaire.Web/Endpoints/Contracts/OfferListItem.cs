namespace Annuaire.Web.Endpoints.Contracts;

/// <summary>An offer in a list of results.</summary>
/// <param name="Id">Stable identifier (the slug).</param>
/// <param name="Titre">Title.</param>
/// <param name="Resume">One-sentence summary.</param>
/// <param name="Porteur">Name of the structure that delivers the offer.</param>
/// <param name="Thematiques">data·inclusion thématique keys.</param>
/// <param name="Zone">Eligibility zone codes (<c>france</c>, département, commune INSEE, EPCI SIREN).</param>
/// <param name="DateMaj">Date of the last human verification.</param>
/// <param name="Statut">actif, suspendu or archive.</param>
/// <param name="Url">Path of the offer's page on this site.</param>
/// <param name="Snippet">Passage of the description around the matches, or null (no text searched, or no match in the description).</param>
public sealed record OfferListItem(
    string Id,
    string Titre,
    string Resume,
    string Porteur,
    IReadOnlyList<string> Thematiques,
    IReadOnlyList<string> Zone,
    DateOnly DateMaj,
    string Statut,
    string Url,
    HighlightedText? Snippet);
