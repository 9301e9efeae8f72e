namespace Annuaire.Content.Parsing;

/// <summary>Dates as the users live them: Europe/Paris.</summary>
public static class FrenchClock
{
    private static readonly TimeZoneInfo Paris = FindParis();

    /// <summary>The current local time in Paris.</summary>
    public static DateTime Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Paris).DateTime;
    }

    /// <summary>Today's date in Paris.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock));

    private static TimeZoneInfo FindParis()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            // Containers without tzdata: fall back to UTC rather than fail to start.
            return TimeZoneInfo.Utc;
        }
    }
}
