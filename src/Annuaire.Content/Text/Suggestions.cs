namespace Annuaire.Content.Text;

/// <summary>
/// "Did you mean" for keys and referential values. Ranks candidates by shared words first
/// (so <c>mobilite--permis</c> finds <c>mobilite--preparer-un-permis</c>), then by edit distance
/// (so <c>tematiques</c> finds <c>thematiques</c>). A qualified key is also compared by its last
/// part (<c>telephonne</c> finds <c>contact.telephone</c>); a value is also compared through its
/// synonyms and the candidates' labels (<c>rsa</c> finds <c>beneficiaires-des-minimas-sociaux</c>
/// through « minima sociaux »).
/// </summary>
public static class Suggestions
{
    /// <summary>Up to <paramref name="max"/> candidates close to <paramref name="value"/>, best first.</summary>
    /// <param name="value">What the editor wrote.</param>
    /// <param name="candidates">The allowed keys or values.</param>
    /// <param name="max">How many to return at most.</param>
    /// <param name="labelOf">The French label of a candidate, compared too; null when candidates have none.</param>
    /// <param name="aliases">Other ways of saying <paramref name="value"/> (its synonyms), compared too.</param>
    public static IReadOnlyList<string> Closest(string value, IEnumerable<string> candidates, int max = 3, Func<string, string>? labelOf = null, IEnumerable<string>? aliases = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(candidates);
        var needles = new[] { value }.Concat(aliases ?? []).Select(n => TextNormalizer.Fold(n.Trim())).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (needles.Count == 0)
        {
            return [];
        }

        return candidates
            .Select(c => (Candidate: c, Score: Best(needles, Forms(c, labelOf))))
            .Where(x => x.Score.Overlap >= 0.5 || x.Score.Distance <= x.Score.Tolerance)
            .OrderByDescending(x => x.Score.Overlap)
            .ThenBy(x => x.Score.Distance)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Candidate)
            .ToList();
    }

    /// <summary>A French sentence tail listing suggestions, or an empty string.</summary>
    public static string Hint(string value, IEnumerable<string> candidates, string label = "valeurs proches", Func<string, string>? labelOf = null, IEnumerable<string>? aliases = null)
    {
        var close = Closest(value, candidates, labelOf: labelOf, aliases: aliases);
        return close.Count == 0 ? string.Empty : $" ; {label} : {string.Join(", ", close)}";
    }

    private static IEnumerable<string> Forms(string candidate, Func<string, string>? labelOf)
    {
        yield return candidate.ToLowerInvariant();
        var dot = candidate.LastIndexOf('.');
        if (dot > 0)
        {
            yield return candidate[(dot + 1)..].ToLowerInvariant();
        }

        if (labelOf?.Invoke(candidate) is { Length: > 0 } label)
        {
            yield return TextNormalizer.Fold(label);
        }
    }

    private static (double Overlap, int Distance, int Tolerance) Best(List<string> needles, IEnumerable<string> forms)
    {
        var best = (Overlap: 0.0, Distance: int.MaxValue, Tolerance: 0);
        foreach (var form in forms)
        {
            var formWords = Words(form);
            foreach (var needle in needles)
            {
                var overlap = Overlap(Words(needle), formWords);
                var distance = EditDistance.Levenshtein(needle, form);
                if (overlap > best.Overlap || (overlap == best.Overlap && distance < best.Distance))
                {
                    best = (overlap, distance, Math.Max(2, needle.Length / 3));
                }
            }
        }

        return best;
    }

    private static string[] Words(string text) =>
        text.Split(['-', '_', ' ', '.', '\''], StringSplitOptions.RemoveEmptyEntries);

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
