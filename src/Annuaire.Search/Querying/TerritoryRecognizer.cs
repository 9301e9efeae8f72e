using Annuaire.Content.Referentials;
using Annuaire.Content.Text;

namespace Annuaire.Search.Querying;

/// <summary>
/// Recognises place names typed as words (« hébergement urgence orléans ») using the territory
/// referential, so they become a territory filter instead of words the offer text must contain.
/// </summary>
internal sealed class TerritoryRecognizer
{
    // Names that are also everyday words: never read as places.
    private static readonly HashSet<string> Ambiguous = new(StringComparer.Ordinal)
    {
        "cher", "lot", "nord", "var", "ain", "aube", "manche", "somme", "vienne", "loire", "marne", "gard",
        "tarn", "oise", "indre", "meuse", "landes", "vosges", "creuse", "orne", "sarthe", "eure", "paris",
    };

    private readonly Dictionary<string, string> _codesByName = new(StringComparer.Ordinal);
    private readonly int _longest;

    public TerritoryRecognizer(Territories territories)
    {
        foreach (var (code, name) in territories.Departements)
        {
            Add(name, code);
        }

        foreach (var commune in territories.Communes.Values)
        {
            Add(commune.Nom, commune.Code);
        }

        _longest = _codesByName.Keys.Select(k => k.Split(' ').Length).DefaultIfEmpty(1).Max();
    }

    private void Add(string name, string code)
    {
        var key = Key(name);
        if (key.Length >= 3)
        {
            _codesByName.TryAdd(key, code);
        }
    }

    /// <summary>The territory code of a typed name (« orleans », « Saint-Jean-de-Braye »), or null.</summary>
    public string? CodeOf(string name) => _codesByName.GetValueOrDefault(Key(name));

    /// <summary>
    /// Finds the longest run of words naming a place. Returns the code and the indexes of the
    /// words it used; ambiguous one-word names (« cher », « lot ») are skipped unless alone.
    /// </summary>
    public (string Code, int Start, int Length)? Find(IReadOnlyList<string> words)
    {
        for (var length = Math.Min(_longest, words.Count); length >= 1; length--)
        {
            for (var start = 0; start + length <= words.Count; start++)
            {
                var key = Key(string.Join(' ', words.Skip(start).Take(length)));
                if (_codesByName.TryGetValue(key, out var code) && !(length == 1 && words.Count > 1 && Ambiguous.Contains(key)))
                {
                    return (code, start, length);
                }
            }
        }

        return null;
    }

    private static string Key(string name) =>
        string.Join(' ', TextNormalizer.Fold(name).Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries));
}
