namespace Annuaire.Web.Endpoints.Contracts;

/// <summary>A filter value and the number of offers it would give.</summary>
/// <param name="Value">The key to pass back as a filter.</param>
/// <param name="Label">French label.</param>
/// <param name="Count">Number of offers.</param>
/// <param name="Selected">Whether the filter is active.</param>
public sealed record FacetCount(string Value, string Label, int Count, bool Selected);
