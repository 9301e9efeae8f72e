using System.Globalization;
using System.Text;

namespace Annuaire.Content.Text;

/// <summary>Accent- and case-insensitive forms of French text, for comparisons outside the search engine.</summary>
public static class TextNormalizer
{
    /// <summary>
    /// Lower-cases, removes diacritics and spells out the ligatures: « Hébergement d'Urgence » →
    /// « hebergement d'urgence », « Œuvre » → « oeuvre ».
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = ReplaceLoneSurrogates(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            // œ and æ have no decomposition: an adviser typing « oeuvre » must find « œuvre ».
            switch (char.ToLowerInvariant(c))
            {
                case 'œ':
                    builder.Append("oe");
                    break;
                case 'æ':
                    builder.Append("ae");
                    break;
                case var lower when CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark:
                    builder.Append(lower);
                    break;
                default:
                    break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC).Replace('’', '\'');
    }

    /// <summary>Lone UTF-16 surrogates (cut pairs, hostile input) become U+FFFD: Normalize throws on them.</summary>
    public static string ReplaceLoneSurrogates(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? fixedText = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var valid = !char.IsSurrogate(c)
                || (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]));
            if (!valid)
            {
                fixedText ??= new StringBuilder(text);
                fixedText[i] = '\uFFFD';
            }
        }

        return fixedText?.ToString() ?? text;
    }

    /// <summary>
    /// A file-name-safe identifier: folded, letters and digits joined by single hyphens, cut at a
    /// word boundary within <paramref name="maxLength"/> (« Aide au permis B à Gien » → « aide-au-permis-b-a-gien »).
    /// </summary>
    public static string Slugify(string text, int maxLength = 80)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new string([.. Fold(text).Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var slug = string.Join('-', words);
        return slug.Length <= maxLength ? slug : slug[..maxLength].TrimEnd('-');
    }

    /// <summary>Folded words of at least three letters (drops short function words).</summary>
    public static IReadOnlySet<string> Words(string text) =>
        Fold(text).Split([' ', '\'', '-', ',', '.', ';', ':', '(', ')', '/', '«', '»', '!', '?'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 3)
            .ToHashSet(StringComparer.Ordinal);
}
