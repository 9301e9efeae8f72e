namespace Annuaire.Content.Model;

/// <summary>Thématique keys are <c>family--theme</c>; this extracts the family.</summary>
public static class ThematiqueFamily
{
    /// <summary>The separator between a family and its theme.</summary>
    public const string Separator = "--";

    /// <summary>The family of a thématique key (the key itself when it has no separator).</summary>
    public static string Of(string thematique)
    {
        ArgumentNullException.ThrowIfNull(thematique);
        var at = thematique.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? thematique : thematique[..at];
    }
}
