using System.Collections.Concurrent;
using PublicHoliday;

namespace Annuaire.Content.Scheduling;

/// <summary>Which days are public holidays.</summary>
public interface IHolidayCalendar
{
    /// <summary>Whether <paramref name="day"/> is a public holiday.</summary>
    bool IsPublicHoliday(DateOnly day);
}

/// <summary>Calendars of public holidays.</summary>
public static class HolidayCalendar
{
    /// <summary>No public holiday at all (hours read by weekday only).</summary>
    public static IHolidayCalendar None { get; } = new NoHolidays();

    private sealed class NoHolidays : IHolidayCalendar
    {
        public bool IsPublicHoliday(DateOnly day) => false;
    }
}

/// <summary>
/// The national public holidays of metropolitan France (1er janvier, lundi de Pâques, 1er et
/// 8 mai, Ascension, lundi de Pentecôte, 14 juillet, 15 août, Toussaint, 11 novembre, Noël),
/// computed by the PublicHoliday package. Thread-safe; each year is computed once per instance.
/// </summary>
public sealed class FrenchHolidayCalendar : IHolidayCalendar
{
    private readonly FrancePublicHoliday _france = new();
    private readonly ConcurrentDictionary<int, HashSet<DateOnly>> _years = new();

    /// <inheritdoc />
    public bool IsPublicHoliday(DateOnly day) =>
        _years.GetOrAdd(day.Year, year => [.. _france.PublicHolidays(year).Select(DateOnly.FromDateTime)]).Contains(day);
}
