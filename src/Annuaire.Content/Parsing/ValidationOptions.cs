namespace Annuaire.Content.Parsing;

/// <summary>Tunable validation rules.</summary>
public sealed record ValidationOptions
{
    /// <summary>Offers whose <c>date_maj</c> is older than this many months get a warning.</summary>
    public int StaleAfterMonths { get; init; } = 12;

    /// <summary>The day validation considers "today" (dates in the future, staleness, expiry).</summary>
    public required DateOnly Today { get; init; }

    /// <summary>Options for today's date in French local time.</summary>
    public static ValidationOptions ForToday(TimeProvider clock, int staleAfterMonths = 12)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new ValidationOptions { Today = FrenchClock.Today(clock), StaleAfterMonths = staleAfterMonths };
    }
}
