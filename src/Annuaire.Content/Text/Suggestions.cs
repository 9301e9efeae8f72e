namespace Annuaire.Content.Text;

/// <summary>
/// "Did you mean" for keys and referential values. Ranks candidates by shared words first
/// (so <c>mobilite--permis</c> finds <c>mobilite--preparer-un-permis</c>), then by edit distance
/// (so <c>tematiques</c> finds <c>thematiques</c>).
/// </summary>
public static class Suggestions
{
    /// <summary>Up to <paramref name="max"/> candidates close to <paramref name="value"/>, best first.</summary>
    public static IReadOnlyList<string> Closest(string value, IEnumerable<string> candidates, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(candidates);
        var needle = value.Trim().ToLowerInvariant();
        var words = Words(needle);
        return candidates
            .Select(c => (Candidate: c, Overlap: Overlap(words, Words(c)), Distance: EditDistance.Levenshtein(needle, c.ToLowerInvariant())))
            .Where(x => x.Overlap >= 0.5 || x.Distance <= Math.Max(2, needle.Length / 3))
            .OrderByDescending(x => x.Overlap)
            .ThenBy(x => x.Distance)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Candidate)
            .ToList();
    }

    /// <summary>A French sentence tail listing suggestions, or an empty string.</summary>
    public static string Hint(string value, IEnumerable<string> candidates, string label = "valeurs proches")
    {
        var close = Closest(value, candidates);
        return close.Count == 0 ? string.Empty : $" ; {label} : {string.Join(", ", close)}";
    }

    private static string[] Words(string text) =>
        text.Split(['-', '_', ' ', '.'], StringSplitOptions.RemoveEmptyEntries);

    private static double Overlap(string[] needle, string[] candidate)
    {
        if (needle.Length == 0)
        {
            return 0;
        }

        var shared = needle.Count(w => w.Length > 2 && candidate.Any(c => c == w || (w.Length >= 4 && c.StartsWith(w, StringComparison.Ordinal))));
        return (double)shared / needle.Length;
    }
}
