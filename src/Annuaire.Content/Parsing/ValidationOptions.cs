namespace Annuaire.Content.Parsing;

/// <summary>Tunable validation rules and the limits that keep a hostile file harmless.</summary>
public sealed record ValidationOptions
{
    /// <summary>Default of <see cref="MaxFileBytes"/>: 256 KiB, about fifty times the largest real offer.</summary>
    public const long DefaultMaxFileBytes = 256 * 1024;

    /// <summary>Offers whose <c>date_maj</c> is older than this many months get a warning.</summary>
    public int StaleAfterMonths { get; init; } = 12;

    /// <summary>The day validation considers "today" (dates in the future, staleness, expiry).</summary>
    public required DateOnly Today { get; init; }

    /// <summary>Largest offer file read, in bytes; checked from the folder listing before the file is opened.</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>
    /// Time allowed to check one file. Every step is linear in the size of the file, so this is a
    /// safety net: a file over budget is rejected with a diagnostic instead of holding up the others.
    /// </summary>
    public TimeSpan FileTimeBudget { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock that measures <see cref="FileTimeBudget"/>.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Diagnostics of one code kept per file; the rest are counted in one « … et N autres » line.</summary>
    public int MaxDiagnosticsPerFileAndCode { get; init; } = 20;

    /// <summary>Warnings of one code kept across the catalogue; the rest are counted in one « … et N autres » line. Errors are never dropped this way.</summary>
    public int MaxWarningsPerCode { get; init; } = 500;

    /// <summary>Options for today's date in French local time.</summary>
    public static ValidationOptions ForToday(TimeProvider clock, int staleAfterMonths = 12)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new ValidationOptions { Today = FrenchClock.Today(clock), StaleAfterMonths = staleAfterMonths, Clock = clock };
    }
}
