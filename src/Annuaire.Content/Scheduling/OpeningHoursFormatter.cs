using System.Globalization;
using System.Text;

namespace Annuaire.Content.Scheduling;

/// <summary>Renders <see cref="OpeningHours"/> in plain French: « du lundi au vendredi, 9 h–12 h et 14 h–17 h ».</summary>
public static class OpeningHoursFormatter
{
    private static readonly string[] DayNames = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

    /// <summary>One French line per group of days with the same hours, in week order.</summary>
    public static IReadOnlyList<string> Describe(OpeningHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        if (hours.AlwaysOpen)
        {
            return ["24 h/24, 7 j/7"];
        }

        // Group consecutive days (Monday first) that share the same effective hours.
        var lines = new List<string>();
        var week = Enumerable.Range(0, 7).Select(i => (Index: i, Ranges: hours.RangesOn((DayOfWeek)((i + 1) % 7)))).ToList();
        var groups = new List<(List<int> Days, IReadOnlyList<TimeRange> Ranges)>();
        foreach (var (index, ranges) in week)
        {
            var existing = groups.FindIndex(g => g.Ranges.SequenceEqual(ranges));
            if (existing >= 0)
            {
                groups[existing].Days.Add(index);
            }
            else
            {
                groups.Add(([index], ranges));
            }
        }

        foreach (var (days, ranges) in groups.Where(g => g.Ranges.Count > 0))
        {
            lines.Add($"{DescribeDays(days)}, {string.Join(" et ", ranges.Select(Describe))}");
        }

        if (hours.Rules.LastOrDefault(r => r.PublicHolidays) is { } holidays)
        {
            lines.Add(holidays.Closed ? "fermé les jours fériés" : $"jours fériés, {string.Join(" et ", holidays.Ranges.Select(Describe))}");
        }

        return lines.Count == 0 ? ["fermé"] : lines;
    }

    /// <summary>« 9 h–12 h », « 8 h 30–17 h 15 ».</summary>
    public static string Describe(TimeRange range) => $"{Describe(range.Start)}–{Describe(range.End)}";

    private static string Describe(TimeOnly time)
    {
        if (time == TimeOnly.MaxValue)
        {
            return "24 h";
        }

        return time.Minute == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{time.Hour} h")
            : string.Create(CultureInfo.InvariantCulture, $"{time.Hour} h {time.Minute:00}");
    }

    private static string DescribeDays(List<int> days)
    {
        // Split into runs of consecutive days: [0..4] → "du lundi au vendredi".
        var runs = new List<(int From, int To)>();
        foreach (var d in days.Order())
        {
            if (runs.Count > 0 && runs[^1].To == d - 1)
            {
                runs[^1] = (runs[^1].From, d);
            }
            else
            {
                runs.Add((d, d));
            }
        }

        var parts = runs.SelectMany(r => r.To - r.From >= 2
            ? [$"du {DayNames[r.From]} au {DayNames[r.To]}"]
            : Enumerable.Range(r.From, r.To - r.From + 1).Select(i => DayNames[i])).ToList();
        var text = new StringBuilder();
        for (var i = 0; i < parts.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : i == parts.Count - 1 ? " et " : ", ").Append(parts[i]);
        }

        var result = text.ToString();
        return char.ToUpper(result[0], CultureInfo.GetCultureInfo("fr-FR")) + result[1..];
    }
}
