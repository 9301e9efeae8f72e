namespace Annuaire.Search.Highlighting;

/// <summary>A passage of a text that matches the search: <c>Text.Substring(Start, Length)</c>.</summary>
/// <param name="Start">Offset of the first character, in UTF-16 code units.</param>
/// <param name="Length">Length in UTF-16 code units.</param>
public readonly record struct MatchSpan(int Start, int Length)
{
    /// <summary>Offset just after the passage.</summary>
    public int End => Start + Length;
}
