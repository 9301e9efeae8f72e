namespace Annuaire.Web.Endpoints.Contracts;

/// <summary>A page of search results with the counts that refine it.</summary>
/// <param name="Total">Number of matching offers.</param>
/// <param name="Page">The page served (1-based, clamped to the last page).</param>
/// <param name="PageCount">Number of pages.</param>
/// <param name="Items">The offers of this page, best first.</param>
/// <param name="Facets">Per dimension (famille, thematique, public, type, porteur, departement, modeaccueil, frais): each value with its count.</param>
/// <param name="Spelling">When nothing matched: a corrected spelling and what it gives.</param>
/// <param name="Relaxations">When nothing matched: filters whose removal would give results.</param>
/// <param name="Notices">French messages about the search itself (text shortened, place understood…).</param>
public sealed record OfferSearchResult(
    int Total,
    int Page,
    int PageCount,
    IReadOnlyList<OfferListItem> Items,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    SpellingHint? Spelling,
    IReadOnlyList<FilterRelaxationHint> Relaxations,
    IReadOnlyList<string> Notices);
