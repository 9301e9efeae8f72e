namespace Annuaire.Content.Scheduling;

/// <summary>One <c>;</c>-separated rule of an opening_hours value: days, then hours or "off".</summary>
/// <param name="Days">Days the rule applies to, in week order starting Monday.</param>
/// <param name="PublicHolidays">Whether the rule names public holidays (<c>PH</c>).</param>
/// <param name="Ranges">Opening intervals; empty when <paramref name="Closed"/>.</param>
/// <param name="Closed">Whether the rule closes these days (<c>off</c>, <c>closed</c>).</param>
public sealed record OpeningRule(IReadOnlyList<DayOfWeek> Days, bool PublicHolidays, IReadOnlyList<TimeRange> Ranges, bool Closed);
