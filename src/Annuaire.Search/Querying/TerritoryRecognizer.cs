using System.Collections.Frozen;
using Annuaire.Content.Referentials;
using Annuaire.Content.Text;

namespace Annuaire.Search.Querying;

/// <summary>What kind of place a recognised territory is.</summary>
public enum PlaceKind
{
    /// <summary>The whole country (<c>france</c>).</summary>
    France,

    /// <summary>A commune or municipal arrondissement (INSEE code).</summary>
    Commune,

    /// <summary>A postal code, standing for all the communes it serves.</summary>
    PostalCode,

    /// <summary>An intercommunality (SIREN).</summary>
    Epci,

    /// <summary>A département (code).</summary>
    Departement,

    /// <summary>A région (COG code), standing for its départements.</summary>
    Region,
}

/// <summary>A territory to filter on: a zone code, or a postal code standing for its communes.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Code">INSEE code, postal code, SIREN, département or région code, or <c>france</c>.</param>
public sealed record Territory(PlaceKind Kind, string Code)
{
    /// <summary>The whole country.</summary>
    public static Territory France { get; } = new(PlaceKind.France, Content.Model.Offer.France);

    /// <summary>For a postal code, the INSEE codes of the communes it serves (largest first).</summary>
    public IReadOnlyList<string> Communes { get; init; } = [];
}

/// <summary>A name in the geography and the territory it designates; population decides between homonyms.</summary>
internal sealed record NamedPlace(Territory Territory, int Population);

/// <summary>A place read in the text, before the engine decides whether to use it.</summary>
/// <param name="Start">Index of its first word.</param>
/// <param name="Length">Number of words it spans.</param>
/// <param name="Territory">The territory it designates.</param>
/// <param name="Alternatives">Homonym communes (INSEE codes, largest first) the adviser may have meant.</param>
/// <param name="SingleWord">A one-word name: it may also be a common word (« orne », « tours »), which the engine checks against the index.</param>
internal sealed record PlaceMatch(int Start, int Length, Territory Territory, IReadOnlyList<string> Alternatives, bool SingleWord);

/// <summary>
/// Reads places in what advisers type, with or without accents, hyphens, « St »/« Saint »,
/// « s/ »/« sur » and parentheses: commune, département, EPCI and région names, postal codes
/// (every commune they serve), département numbers (« 45 », « (45) », « 2A », « 974 »).
/// Homonyms resolve by the département typed or selected, else by population.
/// Built once per index generation from the national geography.
/// </summary>
internal sealed class TerritoryRecognizer
{
    /// <summary>Words after a number that make it a quantity, not a département (« 25 ans »).</summary>
    private static readonly FrozenSet<string> Units = FrozenSet.ToFrozenSet(
        ["an", "ans", "euro", "euros", "eur", "mois", "jour", "jours", "semaine", "semaines", "heure", "heures", "h", "min", "minutes", "km", "enfant", "enfants", "personne", "personnes", "places", "place", "fois", "pourcent", "e", "eme", "er", "ere"],
        StringComparer.Ordinal);

    private static readonly string[] EpciPrefixes = ["ca ", "cc ", "cu ", "metropole ", "communaute d'agglomeration ", "communaute de communes ", "communaute urbaine ", "communaute d agglomeration "];

    private readonly Territories _territories;
    private readonly Dictionary<string, List<NamedPlace>> _byName = new(StringComparer.Ordinal);
    private readonly int _longest;

    public TerritoryRecognizer(Territories territories)
    {
        _territories = territories;
        foreach (var region in territories.Regions.Values)
        {
            Add(region.Nom, new NamedPlace(new Territory(PlaceKind.Region, region.Code), 0));
        }

        foreach (var epci in territories.Epcis.Values)
        {
            var paren = epci.Nom.IndexOf(" (", StringComparison.Ordinal); // « CA Montargoise et Rives du Loing (AME) »
            var name = Key(paren > 0 ? epci.Nom[..paren] : epci.Nom);
            Add(name, new NamedPlace(new Territory(PlaceKind.Epci, epci.Code), 0));
            foreach (var prefix in EpciPrefixes.Where(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                Add(name[prefix.Length..], new NamedPlace(new Territory(PlaceKind.Epci, epci.Code), 0));
            }
        }

        foreach (var commune in territories.Communes.Values)
        {
            Add(commune.Nom, new NamedPlace(new Territory(PlaceKind.Commune, commune.Code), commune.Population));
        }

        // Départements last and first in each list: « Paris », « Vienne » read as the département unless context says otherwise.
        foreach (var (code, name) in territories.Departements)
        {
            var key = Key(name);
            if (key.Length >= 3)
            {
                (_byName.TryGetValue(key, out var list) ? list : _byName[key] = []).Insert(0, new NamedPlace(new Territory(PlaceKind.Departement, code), int.MaxValue));
            }
        }

        foreach (var list in _byName.Values)
        {
            list.Sort((a, b) => b.Population.CompareTo(a.Population));
        }

        _longest = _byName.Keys.Select(k => k.Split(' ').Length).DefaultIfEmpty(1).Max();
    }

    private void Add(string name, NamedPlace territory)
    {
        var key = Key(name);
        if (key.Length >= 3)
        {
            (_byName.TryGetValue(key, out var list) ? list : _byName[key] = []).Add(territory);
        }
    }

    /// <summary>
    /// A code or a typed name as the <c>territoire</c> filter: « 45 », « 45208 », « 244500203 »,
    /// « france », « 45200 » (postal code), « Montargis », « Loiret ». Null when not understood.
    /// </summary>
    public Territory? Resolve(string text)
    {
        var code = text.Trim();
        switch (_territories.Classify(code))
        {
            case TerritoryKind.France:
                return Territory.France;
            case TerritoryKind.Departement:
                return new Territory(PlaceKind.Departement, code.ToUpperInvariant());
            case TerritoryKind.Commune when _territories.Communes.ContainsKey(code) || _territories.IsEmpty:
                return new Territory(PlaceKind.Commune, code);
            case TerritoryKind.Epci:
                return new Territory(PlaceKind.Epci, code);
            default:
                break;
        }

        var words = Key(code).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Find(words, null) is [var only] && only.Length == words.Length ? only.Territory : null;
    }

    /// <summary>
    /// Every place named in <paramref name="words"/> (longest names first, never overlapping), in
    /// word order. <paramref name="departement"/> (typed or selected) decides between homonyms.
    /// </summary>
    public List<PlaceMatch> Find(IReadOnlyList<string> words, string? departement)
    {
        var keys = words.Select(Key).ToArray();
        var used = new bool[words.Count];
        var found = new List<PlaceMatch>();

        // Numbers first: they also give the département context for homonyms.
        for (var i = 0; i < keys.Length; i++)
        {
            if (Number(keys, i) is { } number)
            {
                found.Add(number);
                used[i] = true;
                if (number.Territory.Kind == PlaceKind.Departement)
                {
                    departement ??= number.Territory.Code;
                }
            }
        }

        var tokens = keys.Select(k => k.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        for (var length = Math.Min(_longest, words.Count); length >= 1; length--)
        {
            for (var start = 0; start + length <= words.Count; start++)
            {
                if (Enumerable.Range(start, length).Any(i => used[i]))
                {
                    continue;
                }

                var key = Key(string.Join(' ', keys.Skip(start).Take(length)));
                if (!_byName.TryGetValue(key, out var candidates))
                {
                    continue;
                }

                var chosen = Choose(candidates, departement);
                var alternatives = chosen.Kind == PlaceKind.Commune
                    ? candidates.Where(c => c.Territory.Kind == PlaceKind.Commune && c.Territory.Code != chosen.Code).Take(5).Select(c => c.Territory.Code).ToList()
                    : [];
                found.Add(new PlaceMatch(start, length, chosen, alternatives, length == 1 && tokens[start].Length == 1));
                for (var i = start; i < start + length; i++)
                {
                    used[i] = true;
                }
            }
        }

        return [.. found.OrderBy(f => f.Start)];
    }

    /// <summary>A département code the adviser may have typed with a postal code (« 45 » for 45200).</summary>
    public static bool LooksLikePostalCode(string word) => word.Length == 5 && word.All(char.IsAsciiDigit) && word[..2] is not ("00" or "99" or "96");

    private Territory Choose(List<NamedPlace> candidates, string? departement)
    {
        if (departement is not null)
        {
            var local = candidates.FirstOrDefault(c => c.Territory.Kind == PlaceKind.Commune && _territories.DepartementOf(c.Territory.Code) == departement);
            if (local is not null)
            {
                return local.Territory;
            }
        }

        return candidates[0].Territory;
    }

    private PlaceMatch? Number(string[] keys, int i)
    {
        var word = keys[i];
        var next = i + 1 < keys.Length ? keys[i + 1] : null;
        if (LooksLikePostalCode(word))
        {
            var communes = _territories.CommunesWithPostalCode(word);
            if (communes.Count > 0)
            {
                return new PlaceMatch(i, 1, new Territory(PlaceKind.PostalCode, word) { Communes = [.. communes.Select(c => c.Code)] }, [], false);
            }

            if (_territories.Communes.ContainsKey(word))
            {
                return new PlaceMatch(i, 1, new Territory(PlaceKind.Commune, word), [], false);
            }

            return null;
        }

        if (word.Length is 2 or 3 && (next is null || !Units.Contains(next)) && _territories.Classify(word.ToUpperInvariant()) == TerritoryKind.Departement
            && _territories.Departements.ContainsKey(word.ToUpperInvariant()))
        {
            return new PlaceMatch(i, 1, new Territory(PlaceKind.Departement, word.ToUpperInvariant()), [], false);
        }

        return null;
    }

    /// <summary>Folded, one space between words; « St » → « saint », « s/ » → « sur ».</summary>
    internal static string Key(string name)
    {
        var words = TextNormalizer.Fold(name).Split([' ', '-', '\'', '(', ')', '/', ',', '.'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = words[i] switch
            {
                "st" => "saint",
                "ste" => "sainte",
                "s" when i > 0 && i < words.Length - 1 => "sur",
                _ => words[i],
            };
        }

        return string.Join(' ', words);
    }
}
