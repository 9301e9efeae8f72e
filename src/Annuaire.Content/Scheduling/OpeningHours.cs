namespace Annuaire.Content.Scheduling;

/// <summary>
/// Parsed opening hours (the common subset of OpenStreetMap <c>opening_hours</c>: weekdays,
/// day ranges, <c>PH</c>, hour ranges, <c>off</c>, <c>24/7</c>). Later rules override earlier
/// ones for the days they name, as in OpenStreetMap.
/// </summary>
public sealed record OpeningHours(IReadOnlyList<OpeningRule> Rules, bool AlwaysOpen)
{
    /// <summary>The intervals that apply on <paramref name="day"/> (empty when closed).</summary>
    public IReadOnlyList<TimeRange> RangesOn(DayOfWeek day)
    {
        if (AlwaysOpen)
        {
            return [new TimeRange(TimeOnly.MinValue, TimeOnly.MinValue)];
        }

        var rule = Rules.LastOrDefault(r => r.Days.Contains(day));
        return rule is null || rule.Closed ? [] : rule.Ranges;
    }

    /// <summary>Whether the place is open at <paramref name="localTime"/> (public holidays are not known and ignored).</summary>
    public bool IsOpenAt(DateTime localTime)
    {
        var time = TimeOnly.FromDateTime(localTime);
        if (RangesOn(localTime.DayOfWeek).Any(r => r.End > r.Start && r.Contains(time)))
        {
            return true;
        }

        // Ranges crossing midnight: the evening part belongs to the day, the night part to the next.
        var today = RangesOn(localTime.DayOfWeek).Where(r => r.End <= r.Start);
        var yesterday = RangesOn(localTime.AddDays(-1).DayOfWeek).Where(r => r.End <= r.Start && r.End != r.Start);
        return AlwaysOpen || today.Any(r => time >= r.Start) || yesterday.Any(r => time < r.End);
    }
}
