using Annuaire.Content.Model;
using Annuaire.Content.Referentials;
using Annuaire.Content.Text;

namespace Annuaire.Search.Indexing;

/// <summary>Distinct editor keywords and thématique labels, for "search for…" suggestions.</summary>
internal sealed class KeywordSuggestions
{
    private readonly (string Folded, string Display, int Count)[] _entries;

    /// <summary>Each phrase seen, folded: the next state folds only phrases it has not seen (a few, after an edit).</summary>
    private readonly Dictionary<string, string> _folded;

    private KeywordSuggestions((string, string, int)[] entries, Dictionary<string, string> folded) => (_entries, _folded) = (entries, folded);

    /// <param name="offers">The offers, in catalogue order (the first spelling of a phrase is the one shown).</param>
    /// <param name="refs">Labels of thématiques and families.</param>
    /// <param name="previous">The suggestions of the state before an incremental update, or null.</param>
    public static KeywordSuggestions From(IEnumerable<Offer> offers, ReferentialSet refs, KeywordSuggestions? previous = null)
    {
        var folded = new Dictionary<string, string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, (string Display, int Count)>(StringComparer.Ordinal);
        foreach (var offer in offers)
        {
            var phrases = offer.MotsCles.Concat(offer.Thematiques.Select(refs.Thematiques.Label)).Concat(offer.ThematiqueFamilies.Select(refs.ThematiqueFamilies.Label));
            foreach (var phrase in phrases.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!folded.TryGetValue(phrase, out var key))
                {
                    key = previous is not null && previous._folded.TryGetValue(phrase, out var known) ? known : TextNormalizer.Fold(phrase).Trim();
                    folded[phrase] = key;
                }

                counts[key] = counts.TryGetValue(key, out var e) ? (e.Display, e.Count + 1) : (phrase.Trim(), 1);
            }
        }

        return new KeywordSuggestions([.. counts.Select(kv => (kv.Key, kv.Value.Display, kv.Value.Count)).OrderByDescending(x => x.Item3)], folded);
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
