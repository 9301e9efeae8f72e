namespace Annuaire.Search.Querying;

/// <summary>An autocomplete entry: a search to run, or an offer to open.</summary>
/// <param name="Text">What to display (and search for, when <paramref name="OfferId"/> is null).</param>
/// <param name="OfferId">The offer to open, for title suggestions.</param>
public sealed record Suggestion(string Text, string? OfferId);
