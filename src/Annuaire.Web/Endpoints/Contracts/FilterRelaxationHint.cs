namespace Annuaire.Web.Endpoints.Contracts;

/// <summary>A filter to drop and the number of offers without it.</summary>
/// <param name="Dimension">The dimension (as in <see cref="OfferSearchResult.Facets"/>), or <c>territoire</c>.</param>
/// <param name="Values">Its active values.</param>
/// <param name="Count">Number of offers without it.</param>
public sealed record FilterRelaxationHint(string Dimension, IReadOnlyList<string> Values, int Count);
