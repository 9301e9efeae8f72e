namespace Annuaire.Web.Endpoints.Contracts;

/// <summary>A matching passage of a <see cref="HighlightedText"/>.</summary>
/// <param name="Start">Offset of the first character, in UTF-16 code units (a JavaScript or .NET string index).</param>
/// <param name="Length">Length in UTF-16 code units.</param>
public sealed record HighlightRange(int Start, int Length);
