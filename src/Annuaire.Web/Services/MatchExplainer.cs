using Annuaire.Content.Model;
using Annuaire.Content.Referentials;
using Annuaire.Content.Text;
using Annuaire.Search.Querying;

namespace Annuaire.Web.Services;

/// <summary>
/// « Pourquoi cette offre ? »: the territory rule, the public and the words that brought a hit,
/// in French. Territory and public come from the request and the offer; the words from the
/// engine's match spans of that hit, read back through the synonyms file so that a match on
/// « revenu de solidarité active » for « RSA » is said as such.
/// </summary>
public sealed class MatchExplainer
{
    private readonly ReferentialSet? _refs;
    private readonly Labels _labels;
    private readonly SynonymGroups _synonyms;
    private readonly SearchRequest _request;
    private readonly string? _territory;
    private readonly List<string> _words;
    private readonly string? _phrase;

    /// <summary>Prepares the explanations of one search, reading the synonyms from the referentials.</summary>
    public MatchExplainer(ReferentialSet? referentials, SearchRequest request, SearchResponse response)
        : this(referentials, referentials is null ? SynonymGroups.Empty : SynonymGroups.Parse(referentials.Synonyms), request, response)
    {
    }

    /// <summary>Prepares the explanations of one search with the synonym groups already parsed (<see cref="SynonymGroupsCache"/>).</summary>
    public MatchExplainer(ReferentialSet? referentials, SynonymGroups synonyms, SearchRequest request, SearchResponse response)
    {
        ArgumentNullException.ThrowIfNull(synonyms);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        _refs = referentials;
        _labels = new Labels(referentials);
        _synonyms = synonyms;
        _request = request;
        var territories = referentials?.Territories;
        _territory = request.Territoire is { } t && territories?.Classify(t) is not (null or TerritoryKind.Invalid) ? t : response.PlaceInText?.Code;
        var text = response.PlaceInText?.TextWithoutPlace ?? response.EffectiveText ?? string.Empty;
        var positive = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith('-')).Select(w => w.Trim('"')).Where(w => w.Length >= 2).ToList();
        _words = positive;
        _phrase = positive.Count > 1 ? string.Join(' ', positive) : null;
    }

    /// <summary>The reasons, each a short French phrase; empty when there is nothing to say.</summary>
    public IReadOnlyList<string> Explain(SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        var reasons = new List<string>();
        if (Territory(hit.Offer) is { } territory)
        {
            reasons.Add(territory);
        }

        if (Public(hit.Offer) is { } audience)
        {
            reasons.Add(audience);
        }

        if (Words(hit) is { } words)
        {
            reasons.Add(words);
        }

        return reasons;
    }

    private string? Territory(Offer offer)
    {
        if (_territory is null || _refs is null)
        {
            return null;
        }

        var territories = _refs.Territories;
        var zones = offer.ZoneEligibilite;
        switch (territories.Classify(_territory))
        {
            case TerritoryKind.Commune:
                var here = territories.Communes.TryGetValue(_territory, out var commune) ? commune.Nom : territories.NameOf(_territory);
                var epci = territories.EpciOf(_territory);
                var departement = territories.DepartementOf(_territory);
                var rule = zones.Contains(_territory) ? "offre de cette commune"
                    : epci is not null && zones.Contains(epci) ? $"offre de {territories.NameOf(epci)}"
                    : departement is not null && zones.Contains(departement) ? $"offre de tout le département {territories.NameOf(departement)}"
                    : zones.Contains(Offer.France) ? "offre nationale"
                    : $"offre de {string.Join(", ", zones.Select(territories.NameOf))}";
                return $"vous êtes à {here} : {rule}";
            case TerritoryKind.Departement or TerritoryKind.Epci:
                return zones.Contains(Offer.France)
                    ? $"territoire {territories.NameOf(_territory)} : offre nationale"
                    : $"territoire {territories.NameOf(_territory)} : offre de {string.Join(", ", zones.Select(territories.NameOf))}";
            default:
                return null;
        }
    }

    private string? Public(Offer offer)
    {
        var publics = _request.ValuesOf(FacetDimension.Public);
        if (publics.Count == 0)
        {
            return null;
        }

        var matched = publics.Where(offer.Publics.Contains).ToList();
        return matched.Count > 0
            ? "public : " + string.Join(", ", matched.Select(p => _labels.Of(FacetDimension.Public, p)))
            : offer.Publics.Contains(Offer.TousPublics) ? "public : ouverte à tous les publics" : null;
    }

    private string? Words(SearchHit hit)
    {
        if (_words.Count == 0)
        {
            return null;
        }

        var marks = hit.Titre.MarkedWords().Concat(hit.Resume.MarkedWords()).Concat(hit.Snippet?.Passage.MarkedWords() ?? [])
            .SelectMany(m => TextNormalizer.Fold(m).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        if (marks.Count == 0)
        {
            return null;
        }

        var direct = new List<string>();
        var throughSynonyms = new List<string>();
        if (_phrase is not null && SynonymFound(_phrase, marks) is { } phraseSynonym)
        {
            throughSynonyms.Add($"« {_phrase} » = {phraseSynonym}");
        }

        foreach (var word in _words)
        {
            if (marks.Any(m => SameStem(m, TextNormalizer.Fold(word))))
            {
                direct.Add(word);
            }
            else if (SynonymFound(word, marks) is { } synonym)
            {
                throughSynonyms.Add($"« {word} » = {synonym}");
            }
        }

        var parts = new List<string>();
        if (direct.Count > 0)
        {
            parts.Add("mots trouvés : " + string.Join(", ", direct));
        }

        parts.AddRange(throughSynonyms.Distinct(StringComparer.Ordinal));
        return parts.Count == 0 ? null : string.Join(" ; ", parts);
    }

    /// <summary>A synonym of <paramref name="text"/> whose every significant word is marked in the hit.</summary>
    private string? SynonymFound(string text, HashSet<string> marks) =>
        _synonyms.Of(text).FirstOrDefault(s =>
        {
            var words = TextNormalizer.Fold(s).Split([' ', '\'', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3).ToList();
            return words.Count > 0 && words.All(w => marks.Any(m => SameStem(m, w)));
        });

    /// <summary>Same word up to its ending (plurals, typos at the end): the first five letters agree.</summary>
    private static bool SameStem(string a, string b) =>
        a.Length >= 2 && b.Length >= 2 && (a == b || (Math.Min(a.Length, b.Length) >= 4 && string.CompareOrdinal(a, 0, b, 0, Math.Min(5, Math.Min(a.Length, b.Length))) == 0));
}
