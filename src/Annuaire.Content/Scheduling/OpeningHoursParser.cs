using System.Globalization;
using System.Text.RegularExpressions;

namespace Annuaire.Content.Scheduling;

/// <summary>Parses the supported subset of OpenStreetMap <c>opening_hours</c>.</summary>
public static partial class OpeningHoursParser
{
    private static readonly string[] DayCodes = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

    /// <summary>
    /// Parses <paramref name="text"/>. On failure returns false and a French explanation of
    /// the first problem, suitable for an editor.
    /// </summary>
    public static bool TryParse(string text, out OpeningHours? hours, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        hours = null;
        error = null;
        var trimmed = Normalize(text);
        if (trimmed.Length == 0)
        {
            error = "horaires vides";
            return false;
        }

        if (trimmed == "24/7")
        {
            hours = new OpeningHours([], AlwaysOpen: true);
            return true;
        }

        var rules = new List<OpeningRule>();
        foreach (var part in trimmed.Split(';', StringSplitOptions.TrimEntries))
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (!TryParseRule(part, out var rule, out error))
            {
                return false;
            }

            rules.Add(rule!);
        }

        if (rules.Count == 0)
        {
            error = "aucune règle";
            return false;
        }

        hours = new OpeningHours(rules, AlwaysOpen: false);
        return true;
    }

    /// <summary>
    /// Tolerates the usual ways people write OpenStreetMap hours: spaces around commas and dashes
    /// (« Mo, We 9:00 - 12:00 »), one-digit hours, repeated spaces.
    /// </summary>
    private static string Normalize(string text)
    {
        var result = SpacesPattern().Replace(text.Trim(), " ");
        result = CommaPattern().Replace(result, ",");
        result = DashBetweenTimesPattern().Replace(result, "$1-$2");
        result = DashBetweenDaysPattern().Replace(result, "$1-$2");
        return OneDigitHourPattern().Replace(result, "0$1");
    }

    private static bool TryParseRule(string part, out OpeningRule? rule, out string? error)
    {
        rule = null;
        var match = RulePattern().Match(part);
        if (!match.Success)
        {
            error = $"« {part} » n'est pas compris ; écrivez par exemple « Mo-Fr 09:00-12:00,14:00-17:00 » ou « Sa 09:00-12:00 » ou « Su off »";
            return false;
        }

        var days = new List<DayOfWeek>();
        var holidays = false;
        var daysText = match.Groups["days"].Value;
        if (daysText.Length == 0)
        {
            days.AddRange(Enumerable.Range(0, 7).Select(ToDayOfWeek));
        }
        else
        {
            foreach (var selector in daysText.Split(','))
            {
                if (selector == "PH")
                {
                    holidays = true;
                    continue;
                }

                var bounds = selector.Split('-');
                var from = Array.IndexOf(DayCodes, bounds[0]);
                var to = bounds.Length == 2 ? Array.IndexOf(DayCodes, bounds[1]) : from;
                if (from < 0 || to < 0 || bounds.Length > 2)
                {
                    error = $"jour « {selector} » inconnu ; utilisez Mo, Tu, We, Th, Fr, Sa, Su ou PH";
                    return false;
                }

                for (var i = from; ; i = (i + 1) % 7)
                {
                    days.Add(ToDayOfWeek(i));
                    if (i == to)
                    {
                        break;
                    }
                }
            }
        }

        var timesText = match.Groups["times"].Value;
        if (timesText is "off" or "closed")
        {
            rule = new OpeningRule(days.Distinct().ToList(), holidays, [], Closed: true);
            error = null;
            return true;
        }

        var ranges = new List<TimeRange>();
        foreach (var range in timesText.Split(','))
        {
            var m = TimePattern().Match(range);
            if (!m.Success || !TryTime(m.Groups["start"].Value, out var start) || !TryTime(m.Groups["end"].Value, out var end))
            {
                error = $"plage horaire « {range} » invalide ; écrivez HH:MM-HH:MM, par exemple 09:00-12:00";
                return false;
            }

            if (end == start)
            {
                error = $"plage horaire « {range} » vide";
                return false;
            }

            ranges.Add(new TimeRange(start, end));
        }

        rule = new OpeningRule(days.Distinct().ToList(), holidays, ranges, Closed: false);
        error = null;
        return true;
    }

    private static bool TryTime(string text, out TimeOnly time)
    {
        if (text == "24:00")
        {
            time = TimeOnly.MaxValue;
            return true;
        }

        return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    private static DayOfWeek ToDayOfWeek(int mondayBasedIndex) => (DayOfWeek)((mondayBasedIndex + 1) % 7);

    [GeneratedRegex(@"^(?:(?<days>(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?(?:,(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?)*)\s+)?(?<times>off|closed|[0-9:,\-]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex RulePattern();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SpacesPattern();

    [GeneratedRegex(@"\s*,\s*", RegexOptions.CultureInvariant)]
    private static partial Regex CommaPattern();

    [GeneratedRegex(@"([0-9]{2})\s*-\s*([0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex DashBetweenTimesPattern();

    [GeneratedRegex(@"\b(Mo|Tu|We|Th|Fr|Sa|Su)\s*-\s*(Mo|Tu|We|Th|Fr|Sa|Su)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DashBetweenDaysPattern();

    [GeneratedRegex(@"(?<![0-9])([0-9]:[0-5][0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex OneDigitHourPattern();

    [GeneratedRegex(@"^(?<start>[0-9]{2}:[0-9]{2})-(?<end>[0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();
}
