using Annuaire.Content.Model;
using Annuaire.Search.Highlighting;

namespace Annuaire.Search.Querying;

/// <summary>The answer to a <see cref="SearchRequest"/>.</summary>
public sealed record SearchResponse
{
    /// <summary>Total number of matching offers.</summary>
    public required int Total { get; init; }

    /// <summary>The requested page of hits.</summary>
    public required IReadOnlyList<SearchHit> Hits { get; init; }

    /// <summary>Counts per dimension value (each dimension ignores its own filter).</summary>
    public required IReadOnlyDictionary<FacetDimension, IReadOnlyList<FacetValue>> Facets { get; init; }

    /// <summary>The page actually served (clamped).</summary>
    public required int Page { get; init; }

    /// <summary>The page size actually used.</summary>
    public required int PageSize { get; init; }

    /// <summary>The text actually searched (after capping and cleaning), for display.</summary>
    public string? EffectiveText { get; init; }

    /// <summary>What the engine did with the request that the user should know (text shortened, place read…).</summary>
    public IReadOnlyList<SearchNotice> Notices { get; init; } = [];

    /// <summary>What the search cost: words searched, words searched with typos, passes over the index.</summary>
    public SearchCost Cost { get; init; } = new(0, 0, 0);

    /// <summary>The place name recognised in the text and used as the territory filter, or null.</summary>
    public PlaceInText? PlaceInText { get; init; }

    /// <summary>The territory filtered on (explicit or read in the text), or null.</summary>
    public Territory? Territory { get; init; }

    /// <summary>With few results on a commune, postal code or EPCI: the count on its whole département.</summary>
    public Widening? Widening { get; init; }

    /// <summary>Question and filler words of a sentence that were not searched (« je cherche », « comment »).</summary>
    public IReadOnlyList<string> IgnoredWords { get; init; } = [];

    /// <summary>When nothing matched: a spelling correction with its count.</summary>
    public SpellingSuggestion? Spelling { get; init; }

    /// <summary>When nothing matched: filters whose removal would give results, with the count.</summary>
    public IReadOnlyList<FilterRelaxation> Relaxations { get; init; } = [];

    /// <summary>Engine time in microseconds.</summary>
    public long ElapsedMicroseconds { get; init; }

    /// <summary>Number of pages.</summary>
    public int PageCount => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>One result.</summary>
/// <param name="Offer">The offer.</param>
/// <param name="Score">Relevance score (0 when browsing).</param>
/// <param name="Titre">The title with its matches.</param>
/// <param name="Resume">The summary with its matches.</param>
/// <param name="Snippet">The passage of the body around its matches, or null (no text searched, no highlighting, or no match in the body).</param>
public sealed record SearchHit(Offer Offer, float Score, MarkedText Titre, MarkedText Resume, BodySnippet? Snippet)
{
    /// <summary>How close the offer is to the searched territory (null without a territory).</summary>
    public Proximity? Proximity { get; init; }
}

/// <summary>How close an offer is to the searched territory, from its lieux and zones.</summary>
public enum Proximity
{
    /// <summary>Available there only as part of the whole country.</summary>
    National,

    /// <summary>In the same département (or région-wide).</summary>
    Departement,

    /// <summary>In the same intercommunality.</summary>
    Epci,

    /// <summary>In the same commune.</summary>
    Commune,
}

/// <summary>A facet value and how many offers it would give.</summary>
/// <param name="Value">The key (thématique key, département code…).</param>
/// <param name="Count">Number of offers.</param>
/// <param name="Selected">Whether it is an active filter.</param>
public sealed record FacetValue(string Value, int Count, bool Selected);

/// <summary>« Essayez : hébergement (12 offres) ».</summary>
/// <param name="Text">The corrected text.</param>
/// <param name="Count">Results it gives with the same filters.</param>
public sealed record SpellingSuggestion(string Text, int Count);

/// <summary>What a search cost, bounded whatever the request (see <see cref="UserQuery.MaxWords"/>, <see cref="TextQueryBuilder.MaxFuzzyWords"/>).</summary>
/// <param name="Words">Words searched (after splitting on separators and capping).</param>
/// <param name="FuzzyWords">Unknown words searched with typo tolerance.</param>
/// <param name="Passes">Passes over the index (one for hits and every facet count, whatever the filters, plus help on few or no results).</param>
public sealed record SearchCost(int Words, int FuzzyWords, int Passes);

/// <summary>A filter to drop and the count without it.</summary>
/// <param name="Dimension">The filter (<see cref="FacetDimension.Departement"/> for the territory).</param>
/// <param name="Values">The active values of that filter.</param>
/// <param name="Count">Results without it.</param>
public sealed record FilterRelaxation(FacetDimension Dimension, IReadOnlyList<string> Values, int Count);

/// <summary>A place name typed among the words and turned into the territory filter.</summary>
/// <param name="Code">The territory code filtered on (for a postal code, the postal code).</param>
/// <param name="TextWithoutPlace">The user's text without the place name: searching it removes the filter.</param>
public sealed record PlaceInText(string Code, string TextWithoutPlace)
{
    /// <summary>The territory filtered on.</summary>
    public Territory Territory { get; init; } = new(PlaceKind.Commune, Code);

    /// <summary>The words the place was read from, as typed.</summary>
    public string Typed { get; init; } = string.Empty;

    /// <summary>Homonym communes (INSEE codes) the adviser may have meant: one click away.</summary>
    public IReadOnlyList<string> Alternatives { get; init; } = [];
}

/// <summary>Few results on a commune: the same search on its whole département.</summary>
/// <param name="Departement">The département code to widen to.</param>
/// <param name="Count">Results there.</param>
public sealed record Widening(string Departement, int Count);
