namespace Annuaire.Content.Text;

/// <summary>
/// The equivalences of <c>referentiels/synonymes.txt</c> (Solr format) as plain groups of
/// phrases, for editors' suggestions and for telling an adviser which synonym matched. The
/// search engine builds its own token-level map from the same lines.
/// </summary>
public sealed class SynonymGroups
{
    private readonly Dictionary<string, List<string[]>> _byFolded = new(StringComparer.Ordinal);

    private SynonymGroups()
    {
    }

    /// <summary>An instance without any group.</summary>
    public static SynonymGroups Empty { get; } = new();

    /// <summary>Reads the lines of a synonyms file; comments, blank and malformed lines are skipped.</summary>
    public static SynonymGroups Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var groups = new SynonymGroups();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var phrases = line.Replace("=>", ",", StringComparison.Ordinal).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (phrases.Length < 2)
            {
                continue;
            }

            foreach (var phrase in phrases)
            {
                var key = TextNormalizer.Fold(phrase);
                if (!groups._byFolded.TryGetValue(key, out var list))
                {
                    groups._byFolded[key] = list = [];
                }

                list.Add(phrases);
            }
        }

        return groups;
    }

    /// <summary>The phrases equivalent to <paramref name="phrase"/> (as written in the file), without itself.</summary>
    public IReadOnlyList<string> Of(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var key = TextNormalizer.Fold(phrase.Trim());
        return _byFolded.TryGetValue(key, out var groups)
            ? [.. groups.SelectMany(g => g).Where(p => TextNormalizer.Fold(p) != key).Distinct(StringComparer.Ordinal)]
            : [];
    }
}
