namespace Annuaire.Content.Scheduling;

/// <summary>An opening interval within a day; <see cref="End"/> before <see cref="Start"/> crosses midnight.</summary>
/// <param name="Start">Opening time.</param>
/// <param name="End">Closing time (24:00 is <see cref="TimeOnly.MaxValue"/>).</param>
public readonly record struct TimeRange(TimeOnly Start, TimeOnly End)
{
    /// <summary>Whether <paramref name="time"/> falls in the interval.</summary>
    public bool Contains(TimeOnly time) => End > Start ? time >= Start && time < End : time >= Start || time < End;
}
