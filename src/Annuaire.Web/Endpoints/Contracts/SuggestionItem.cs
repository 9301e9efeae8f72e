namespace Annuaire.Web.Endpoints.Contracts;

/// <summary>An autocomplete entry: a search to run, or an offer to open.</summary>
/// <param name="Text">What to display.</param>
/// <param name="OfferId">The offer, for title suggestions; null for a search.</param>
/// <param name="Url">Path to open: the offer's page or the search.</param>
public sealed record SuggestionItem(string Text, string? OfferId, string Url);
