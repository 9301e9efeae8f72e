using System.Globalization;
using System.Text;

namespace Annuaire.Content.Text;

/// <summary>Accent- and case-insensitive forms of French text, for comparisons outside the search engine.</summary>
public static class TextNormalizer
{
    /// <summary>Lower-cases and removes diacritics: « Hébergement d'Urgence » → « hebergement d'urgence ».</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC).Replace('’', '\'');
    }

    /// <summary>Folded words of at least three letters (drops short function words).</summary>
    public static IReadOnlySet<string> Words(string text) =>
        Fold(text).Split([' ', '\'', '-', ',', '.', ';', ':', '(', ')', '/', '«', '»', '!', '?'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 3)
            .ToHashSet(StringComparer.Ordinal);
}
