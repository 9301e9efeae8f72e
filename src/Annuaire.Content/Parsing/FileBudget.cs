namespace Annuaire.Content.Parsing;

/// <summary>The time one file may take to check (see <see cref="ValidationOptions.FileTimeBudget"/>).</summary>
internal sealed class FileBudget
{
    private readonly TimeProvider _clock;
    private readonly TimeSpan _budget;
    private readonly long _start;

    /// <summary>Starts the clock.</summary>
    public FileBudget(ValidationOptions options)
    {
        _clock = options.Clock;
        _budget = options.FileTimeBudget;
        _start = _clock.GetTimestamp();
    }

    /// <summary>Whether the budget is spent.</summary>
    public bool IsSpent => _clock.GetElapsedTime(_start) > _budget;
}
