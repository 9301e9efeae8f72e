namespace Annuaire.Content.Model;

/// <summary>A temporary closure of an offer (<c>fermeture_temporaire: {du, au, motif}</c>), both days included.</summary>
/// <param name="Du">First closed day.</param>
/// <param name="Au">Last closed day.</param>
/// <param name="Motif">Why, in the editor's words (travaux, congés…), if given.</param>
public sealed record TemporaryClosure(DateOnly Du, DateOnly Au, string? Motif)
{
    /// <summary>Whether <paramref name="day"/> falls in the closure.</summary>
    public bool Covers(DateOnly day) => day >= Du && day <= Au;

    /// <summary>Whether the closure is over on <paramref name="today"/>.</summary>
    public bool IsOver(DateOnly today) => Au < today;
}
