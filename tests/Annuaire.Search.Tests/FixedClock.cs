namespace Annuaire.Search.Tests;

/// <summary>A clock fixed on a given instant, so "today" is stable in tests.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock Default { get; } = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(1)));

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
