namespace Annuaire.Content.Scheduling;

/// <summary>What stands out in a week of opening hours, for « ouvert le samedi » style hints.</summary>
[Flags]
public enum OpeningHints
{
    /// <summary>Nothing notable.</summary>
    None = 0,
    /// <summary>Open on Saturdays.</summary>
    Saturday = 1,
    /// <summary>Open on Sundays.</summary>
    Sunday = 2,
    /// <summary>Open after 18:30 on some day.</summary>
    Evening = 4,
    /// <summary>Open day and night, every day.</summary>
    AlwaysOpen = 8,
}
