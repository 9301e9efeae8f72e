namespace Annuaire.Content.Scheduling;

/// <summary>
/// Parsed opening hours (the common subset of OpenStreetMap <c>opening_hours</c>: weekdays,
/// day ranges, <c>PH</c>, hour ranges, <c>off</c>, <c>24/7</c>). Later rules override earlier
/// ones for the days they name, as in OpenStreetMap; on a public holiday the last rule naming
/// <c>PH</c> applies (<c>Mo-Fr 09:00-17:00; PH off</c>).
/// </summary>
public sealed record OpeningHours(IReadOnlyList<OpeningRule> Rules, bool AlwaysOpen)
{
    /// <summary>The intervals that apply on <paramref name="day"/> (empty when closed), public holidays aside.</summary>
    public IReadOnlyList<TimeRange> RangesOn(DayOfWeek day)
    {
        if (AlwaysOpen)
        {
            return [new TimeRange(TimeOnly.MinValue, TimeOnly.MinValue)];
        }

        var rule = Rules.LastOrDefault(r => r.Days.Contains(day));
        return rule is null || rule.Closed ? [] : rule.Ranges;
    }

    /// <summary>Whether the hours say what happens on public holidays (a <c>PH</c> rule, or 24/7).</summary>
    public bool StatesPublicHolidays => AlwaysOpen || Rules.Any(r => r.PublicHolidays);

    /// <summary>
    /// The intervals of a calendar day. On a public holiday the <c>PH</c> rule applies; when there
    /// is none, the weekday's hours are returned with <paramref name="unconfirmed"/> set: the
    /// place may well be closed, nobody said.
    /// </summary>
    public IReadOnlyList<TimeRange> RangesOn(DateOnly date, bool isPublicHoliday, out bool unconfirmed)
    {
        unconfirmed = false;
        if (isPublicHoliday && !AlwaysOpen)
        {
            var holidayRule = Rules.LastOrDefault(r => r.PublicHolidays);
            if (holidayRule is not null)
            {
                return holidayRule.Closed ? [] : holidayRule.Ranges;
            }

            unconfirmed = true;
        }

        return RangesOn(date.DayOfWeek);
    }

    /// <summary>Whether the place is open at <paramref name="localTime"/>, public holidays ignored.</summary>
    public bool IsOpenAt(DateTime localTime) => StateAt(localTime, HolidayCalendar.None) == OpenState.Open;

    /// <summary>Open, closed, or open by its weekday hours on a holiday the hours say nothing about.</summary>
    public OpenState StateAt(DateTime localTime, IHolidayCalendar holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        if (AlwaysOpen)
        {
            return OpenState.Open;
        }

        var time = TimeOnly.FromDateTime(localTime);
        var today = DateOnly.FromDateTime(localTime);
        var yesterday = today.AddDays(-1);
        var todayRanges = RangesOn(today, holidays.IsPublicHoliday(today), out var todayUnconfirmed);
        var yesterdayRanges = RangesOn(yesterday, holidays.IsPublicHoliday(yesterday), out var yesterdayUnconfirmed);

        // Ranges crossing midnight: the evening part belongs to the day, the night part to the next.
        if (todayRanges.Any(r => r.End > r.Start ? r.Contains(time) : time >= r.Start))
        {
            return todayUnconfirmed ? OpenState.HolidayUnconfirmed : OpenState.Open;
        }

        if (yesterdayRanges.Any(r => r.End < r.Start && time < r.End))
        {
            return yesterdayUnconfirmed ? OpenState.HolidayUnconfirmed : OpenState.Open;
        }

        return OpenState.Closed;
    }

    /// <summary>
    /// The opening intervals of <paramref name="days"/> calendar days from <paramref name="from"/>,
    /// in local time, days of <paramref name="closure"/> left out. Lets a browser tell « ouvert
    /// maintenant » at any moment of that window without asking the server.
    /// </summary>
    public IReadOnlyList<OpeningInterval> Intervals(DateOnly from, int days, IHolidayCalendar holidays, Model.TemporaryClosure? closure = null)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        var result = new List<OpeningInterval>();
        for (var i = 0; i < days; i++)
        {
            var date = from.AddDays(i);
            if (closure?.Covers(date) == true)
            {
                continue;
            }

            var start = date.ToDateTime(TimeOnly.MinValue);
            foreach (var range in RangesOn(date, holidays.IsPublicHoliday(date), out var unconfirmed))
            {
                var opens = start + range.Start.ToTimeSpan();
                var closes = range.End == TimeOnly.MaxValue ? start.AddDays(1)
                    : range.End > range.Start ? start + range.End.ToTimeSpan()
                    : start.AddDays(1) + range.End.ToTimeSpan();
                result.Add(new OpeningInterval(opens, closes, unconfirmed));
            }
        }

        // Adjacent intervals (24/7, a night range followed by a morning one) read as one.
        var merged = new List<OpeningInterval>();
        foreach (var interval in result.OrderBy(r => r.Opens))
        {
            if (merged.Count > 0 && merged[^1].Closes >= interval.Opens && merged[^1].Unconfirmed == interval.Unconfirmed)
            {
                merged[^1] = merged[^1] with { Closes = interval.Closes > merged[^1].Closes ? interval.Closes : merged[^1].Closes };
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged;
    }

    /// <summary>What stands out in the week (« ouvert le samedi »…), for result cards.</summary>
    public OpeningHints Hints
    {
        get
        {
            if (AlwaysOpen)
            {
                return OpeningHints.AlwaysOpen;
            }

            var hints = OpeningHints.None;
            if (RangesOn(DayOfWeek.Saturday).Count > 0)
            {
                hints |= OpeningHints.Saturday;
            }

            if (RangesOn(DayOfWeek.Sunday).Count > 0)
            {
                hints |= OpeningHints.Sunday;
            }

            var evening = new TimeOnly(18, 30);
            if (Enum.GetValues<DayOfWeek>().SelectMany(RangesOn).Any(r => r.End > evening || r.End < r.Start))
            {
                hints |= OpeningHints.Evening;
            }

            return hints;
        }
    }
}
