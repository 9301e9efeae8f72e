using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Annuaire.Content.Text;

namespace Annuaire.Content.Reporting;

/// <summary>One published row: a search that found nothing or little, seen at least <see cref="SearchGapLog.MinimumOccurrences"/> times in a week.</summary>
/// <param name="Week">ISO week, « 2026-W23 ».</param>
/// <param name="Words">Normalised words (folded, sorted, numbers dropped).</param>
/// <param name="Territory">Territory code searched, or empty.</param>
/// <param name="Searches">How many such searches.</param>
/// <param name="WithoutResult">How many of them found no offer at all.</param>
public sealed record SearchGapRow(
    [property: JsonPropertyName("semaine")] string Week,
    [property: JsonPropertyName("mots")] string Words,
    [property: JsonPropertyName("territoire")] string Territory,
    [property: JsonPropertyName("recherches")] int Searches,
    [property: JsonPropertyName("sansResultat")] int WithoutResult);

/// <summary>
/// « Recherches sans réponse »: searches with few or no results, counted in aggregate only —
/// normalised words, territory and ISO week, nothing else (no address, no time, no user, no
/// note). A row is published (saved, reported) only once seen <see cref="MinimumOccurrences"/>
/// times; rows below that stay in memory and are lost on restart, on purpose. Bounded: at most
/// <see cref="MaxWeeks"/> weeks and <see cref="MaxRows"/> rows. Not thread-safe: its owner locks.
/// </summary>
public sealed class SearchGapLog
{
    /// <summary>Searches with at most this many results are counted.</summary>
    public const int FewResults = 2;

    /// <summary>A row is published once seen this many times.</summary>
    public const int MinimumOccurrences = 3;

    /// <summary>Weeks kept, the current one included.</summary>
    public const int MaxWeeks = 13;

    /// <summary>Rows kept (published and pending together).</summary>
    public const int MaxRows = 2000;

    /// <summary>Words kept per search.</summary>
    public const int MaxWords = 6;

    /// <summary>Longest word kept.</summary>
    public const int MaxWordLength = 30;

    private const int FileVersion = 1;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly Dictionary<(string Week, string Words, string Territory), (int Searches, int WithoutResult)> _rows = [];

    /// <summary>Number of rows held, published or not.</summary>
    public int Count => _rows.Count;

    /// <summary>
    /// The words of a search as they are kept: folded, split on anything but letters and digits,
    /// words under 3 characters dropped (« la », « de »), words carrying 4 digits or more dropped (phone, allocataire or birth numbers), at most
    /// <see cref="MaxWords"/>, sorted. Null when nothing is left.
    /// </summary>
    public static string? NormaliseWords(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = new SortedSet<string>(StringComparer.Ordinal);
        var current = new StringBuilder();
        foreach (var c in TextNormalizer.Fold(text.Length > 200 ? text[..200] : text).Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
                continue;
            }

            var word = current.ToString();
            current.Clear();
            if (word.Length >= 3 && word.Length <= MaxWordLength && word.Count(char.IsDigit) < 4)
            {
                words.Add(word);
            }
        }

        return words.Count == 0 ? null : string.Join(' ', words.Take(MaxWords));
    }

    /// <summary>« 2026-W23 ».</summary>
    public static string WeekOf(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):00}");

    /// <summary>Counts one search; returns whether a published row changed (worth saving).</summary>
    /// <param name="text">What the adviser typed.</param>
    /// <param name="territory">Territory code filtered on, or null.</param>
    /// <param name="results">How many offers it found.</param>
    /// <param name="day">The day, in Paris.</param>
    public bool Record(string? text, string? territory, int results, DateOnly day)
    {
        if (results > FewResults || NormaliseWords(text) is not { } words)
        {
            return false;
        }

        var code = territory is { Length: > 0 and <= 12 } t && t.All(char.IsLetterOrDigit) ? t : string.Empty;
        var key = (WeekOf(day), words, code);
        var (searches, without) = _rows.GetValueOrDefault(key);
        _rows[key] = (searches + 1, without + (results == 0 ? 1 : 0));
        Trim(day);
        return _rows.ContainsKey(key) && searches + 1 >= MinimumOccurrences;
    }

    /// <summary>The rows seen at least <see cref="MinimumOccurrences"/> times, newest week first, then most searched.</summary>
    public IReadOnlyList<SearchGapRow> Published() =>
    [
        .. _rows.Where(r => r.Value.Searches >= MinimumOccurrences)
            .Select(r => new SearchGapRow(r.Key.Week, r.Key.Words, r.Key.Territory, r.Value.Searches, r.Value.WithoutResult))
            .OrderByDescending(r => r.Week, StringComparer.Ordinal)
            .ThenByDescending(r => r.Searches)
            .ThenBy(r => r.Words, StringComparer.Ordinal)
            .ThenBy(r => r.Territory, StringComparer.Ordinal),
    ];

    /// <summary>The file's text: published rows only.</summary>
    public string ToJson() => JsonSerializer.Serialize(new SearchGapFile(FileVersion, MinimumOccurrences, Published()), Json);

    /// <summary>
    /// Reads a file written by <see cref="ToJson"/>; malformed content gives an empty log (the
    /// counts are a help, not a record), rows below the threshold or beyond the bounds are dropped.
    /// </summary>
    public static SearchGapLog FromJson(string json, DateOnly today)
    {
        var log = new SearchGapLog();
        SearchGapFile? file;
        try
        {
            file = JsonSerializer.Deserialize<SearchGapFile>(json);
        }
        catch (JsonException)
        {
            return log;
        }

        foreach (var row in file?.Rows ?? [])
        {
            if (row is { Week.Length: > 0, Words.Length: > 0, Searches: >= MinimumOccurrences } && NormaliseWords(row.Words) == row.Words)
            {
                log._rows[(row.Week, row.Words, row.Territory ?? string.Empty)] = (row.Searches, Math.Clamp(row.WithoutResult, 0, row.Searches));
            }
        }

        log.Trim(today);
        return log;
    }

    /// <summary>
    /// Drops weeks older than <see cref="MaxWeeks"/>; beyond <see cref="MaxRows"/>, drops pending
    /// rows first (a flood of one-off searches cannot push out published ones), oldest and
    /// least seen first.
    /// </summary>
    private void Trim(DateOnly today)
    {
        var oldest = WeekOf(today.AddDays(-7 * (MaxWeeks - 1)));
        foreach (var key in _rows.Keys.Where(k => string.CompareOrdinal(k.Week, oldest) < 0).ToList())
        {
            _rows.Remove(key);
        }

        if (_rows.Count <= MaxRows)
        {
            return;
        }

        foreach (var key in _rows.OrderBy(r => r.Value.Searches >= MinimumOccurrences ? 1 : 0).ThenBy(r => r.Key.Week, StringComparer.Ordinal).ThenBy(r => r.Value.Searches).Take(_rows.Count - MaxRows).Select(r => r.Key).ToList())
        {
            _rows.Remove(key);
        }
    }

    private sealed record SearchGapFile(
        [property: JsonPropertyName("version")] int Version,
        [property: JsonPropertyName("seuil")] int Threshold,
        [property: JsonPropertyName("lignes")] IReadOnlyList<SearchGapRow> Rows);
}
