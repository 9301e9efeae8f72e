using Annuaire.Content.Model;
using Annuaire.Content.Referentials;
using Annuaire.Content.Text;

namespace Annuaire.Search.Indexing;

/// <summary>Distinct editor keywords and thématique labels, for "search for…" suggestions.</summary>
internal sealed class KeywordSuggestions
{
    private readonly (string Folded, string Display, int Count)[] _entries;

    private KeywordSuggestions((string, string, int)[] entries) => _entries = entries;

    public static KeywordSuggestions From(IEnumerable<Offer> offers, ReferentialSet refs)
    {
        var counts = new Dictionary<string, (string Display, int Count)>(StringComparer.Ordinal);
        foreach (var offer in offers)
        {
            var phrases = offer.MotsCles.Concat(offer.Thematiques.Select(refs.Thematiques.Label)).Concat(offer.ThematiqueFamilies.Select(refs.ThematiqueFamilies.Label));
            foreach (var phrase in phrases.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var folded = TextNormalizer.Fold(phrase).Trim();
                counts[folded] = counts.TryGetValue(folded, out var e) ? (e.Display, e.Count + 1) : (phrase.Trim(), 1);
            }
        }

        return new KeywordSuggestions([.. counts.Select(kv => (kv.Key, kv.Value.Display, kv.Value.Count)).OrderByDescending(x => x.Item3)]);
    }

    /// <summary>Phrases whose words start with the typed words, most used first.</summary>
    public IEnumerable<string> Match(IReadOnlyList<string> foldedWords)
    {
        foreach (var (folded, display, _) in _entries)
        {
            var words = folded.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries);
            if (foldedWords.All(q => words.Any(w => w.StartsWith(q, StringComparison.Ordinal))))
            {
                yield return display;
            }
        }
    }
}
