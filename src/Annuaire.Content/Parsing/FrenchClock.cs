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

    /// <summary>
    /// The instant of a Paris wall-clock time. A time skipped by the spring change (2:30 on that
    /// night) is read one hour later; a repeated autumn time is read as its first occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime parisTime)
    {
        var local = DateTime.SpecifyKind(parisTime, DateTimeKind.Unspecified);
        if (Paris.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = Paris.IsAmbiguousTime(local) ? Paris.GetAmbiguousTimeOffsets(local).Max() : Paris.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
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
