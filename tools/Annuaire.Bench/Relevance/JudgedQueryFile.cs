using System.Globalization;
using Annuaire.Search.Querying;

namespace Annuaire.Bench.Relevance;

/// <summary>
/// Reads the judged queries file: one query per line, five tab-separated columns
/// (set, id, text, filters, judgments); <c>#</c> starts a comment line. The format is
/// described at the top of the suite's <c>queries.tsv</c> and in docs/pertinence.md.
/// </summary>
internal static class JudgedQueryFile
{
    private const int Columns = 5;

    /// <summary>How each filter key of the file sets the request: the site's query-string keys.</summary>
    private static readonly Dictionary<string, Func<SearchRequest, IReadOnlyList<string>, SearchRequest>> Filters =
        FacetDimensions.Filters.ToDictionary(
            f => f.Key,
            f => (Func<SearchRequest, IReadOnlyList<string>, SearchRequest>)((request, values) => f.IsTerritory && values.Count != 1
                ? throw new FormatException("un seul territoire par requête")
                : request.With(f.Dimension, values)),
            StringComparer.Ordinal);

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">A malformed line, with the file and line in the message.</exception>
    public static IReadOnlyList<JudgedQuery> Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    /// <summary>Reads queries from <paramref name="reader"/>; <paramref name="name"/> prefixes error messages.</summary>
    /// <exception cref="FormatException">A malformed line, with <paramref name="name"/> and the line in the message.</exception>
    public static IReadOnlyList<JudgedQuery> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var queries = new List<JudgedQuery>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            try
            {
                var query = Parse(line, number);
                if (!ids.Add(query.Id))
                {
                    throw new FormatException($"l'identifiant « {query.Id} » est déjà utilisé");
                }

                queries.Add(query);
            }
            catch (FormatException ex)
            {
                throw new FormatException($"{name}:{number}: {ex.Message}", ex);
            }
        }

        return queries;
    }

    private static JudgedQuery Parse(string line, int number)
    {
        var columns = line.Split('\t');
        if (columns.Length != Columns)
        {
            throw new FormatException($"{Columns} colonnes séparées par des tabulations attendues (jeu, id, texte, filtres, jugements), {columns.Length} trouvée(s)");
        }

        var (set, id, text) = (columns[0].Trim(), columns[1].Trim(), columns[2]);
        if (set.Length == 0 || id.Length == 0)
        {
            throw new FormatException("le jeu et l'identifiant sont obligatoires");
        }

        var request = new SearchRequest { Text = text, PageSize = RelevanceMetrics.Cutoff, Highlight = false };
        foreach (var filter in columns[3].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, values) = Pair(filter, "filtre");
            if (!Filters.TryGetValue(key, out var apply))
            {
                throw new FormatException($"filtre « {key} » inconnu (connus : {string.Join(", ", Filters.Keys)})");
            }

            request = apply(request, values.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }

        var grades = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var judgment in columns[4].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (offer, value) = Pair(judgment, "jugement");
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var grade) || grade is not (RelevanceGrades.Useful or RelevanceGrades.Exact))
            {
                throw new FormatException($"note « {value} » pour « {offer} » : {RelevanceGrades.Useful} ou {RelevanceGrades.Exact} attendu (une offre non citée vaut 0)");
            }

            if (!grades.TryAdd(offer, grade))
            {
                throw new FormatException($"l'offre « {offer} » est jugée deux fois");
            }
        }

        if (!grades.ContainsValue(RelevanceGrades.Exact))
        {
            throw new FormatException($"la requête « {id} » n'a aucune offre notée {RelevanceGrades.Exact} : elle ne mesurerait rien");
        }

        return new JudgedQuery(set, id, text, request, grades, number);
    }

    private static (string Key, string Value) Pair(string item, string what)
    {
        var equals = item.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && equals < item.Length - 1
            ? (item[..equals].Trim(), item[(equals + 1)..].Trim())
            : throw new FormatException($"{what} « {item} » : « clé=valeur » attendu");
    }
}
