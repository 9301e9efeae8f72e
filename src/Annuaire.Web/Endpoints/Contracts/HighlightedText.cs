namespace Annuaire.Web.Endpoints.Contracts;

/// <summary>
/// Plain text (no HTML, no entities) with the passages that match the search. A client marks
/// <c>Text.Substring(Start, Length)</c> for each range, escaping the text the way its medium needs.
/// </summary>
/// <param name="Text">The text, as written by the editor (a leading or trailing « … » shows a cut).</param>
/// <param name="Highlights">Matching passages, in order, never overlapping.</param>
public sealed record HighlightedText(string Text, IReadOnlyList<HighlightRange> Highlights);
