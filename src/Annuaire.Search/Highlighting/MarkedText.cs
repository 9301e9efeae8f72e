namespace Annuaire.Search.Highlighting;

/// <summary>
/// Plain text (no markup, no entities) with the passages that match the search. Whoever shows it
/// escapes the text the way its medium needs and marks the passages.
/// </summary>
/// <param name="Text">The text, as written by the editor.</param>
/// <param name="Marks">Matching passages, in order, never overlapping, inside <paramref name="Text"/>.</param>
public sealed record MarkedText(string Text, IReadOnlyList<MatchSpan> Marks)
{
    /// <summary>A text with nothing marked.</summary>
    public static MarkedText Unmarked(string text) => new(text, []);

    /// <summary>The text cut at the marks' edges, in order: what a renderer loops over.</summary>
    public IEnumerable<(string Run, bool Marked)> Runs()
    {
        var at = 0;
        foreach (var mark in Marks)
        {
            if (mark.Start > at)
            {
                yield return (Text[at..mark.Start], false);
            }

            yield return (Text.Substring(mark.Start, mark.Length), true);
            at = mark.End;
        }

        if (at < Text.Length)
        {
            yield return (Text[at..], false);
        }
    }

    /// <summary>The marked passages themselves.</summary>
    public IEnumerable<string> MarkedWords() => Marks.Select(m => Text.Substring(m.Start, m.Length));
}
