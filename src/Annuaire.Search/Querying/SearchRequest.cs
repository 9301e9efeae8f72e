namespace Annuaire.Search.Querying;

/// <summary>
/// What an adviser asks: free text, filters, sort and page. Immutable; any content is
/// acceptable (the engine caps and cleans it).
/// </summary>
public sealed record SearchRequest
{
    /// <summary>Maximum number of characters of <see cref="Text"/> considered.</summary>
    public const int MaxTextLength = 200;

    /// <summary>Maximum page size.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Free text: words, "quoted phrases", -excluded words.</summary>
    public string? Text { get; init; }

    /// <summary>
    /// Filter values keyed by filter dimension (<see cref="FacetDimensions.Filters"/>, territory
    /// aside): OR within a dimension, AND across dimensions. A thématique filter takes thématiques
    /// or whole families (<c>mobilite</c>); a porteur filter matches porteurs and partenaires.
    /// </summary>
    public IReadOnlyDictionary<FacetDimension, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<FacetDimension, IReadOnlyList<string>>();

    /// <summary>Territory: commune INSEE code, département code, EPCI SIREN or <c>france</c>.</summary>
    public string? Territoire { get; init; }

    /// <summary>Result order.</summary>
    public SearchSort Sort { get; init; } = SearchSort.Pertinence;

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Results per page (1–<see cref="MaxPageSize"/>).</summary>
    public int PageSize { get; init; } = 20;

    /// <summary>Include archived and expired offers.</summary>
    public bool IncludeArchived { get; init; }

    /// <summary>
    /// When set, only these offer ids can match (null: no restriction). Lets the caller filter on
    /// what the index does not hold, such as opening status at the time of the request.
    /// </summary>
    public IReadOnlySet<string>? OnlyIds { get; init; }

    /// <summary>Whether to compute highlighted snippets.</summary>
    public bool Highlight { get; init; } = true;

    /// <summary>Whether the request has any filter.</summary>
    public bool HasFilters => Filters.Values.Any(v => v.Count > 0) || !string.IsNullOrWhiteSpace(Territoire);

    /// <summary>The chosen values of a filter (for the territory, the territory if any).</summary>
    public IReadOnlyList<string> ValuesOf(FacetDimension filter) =>
        filter.Definition().IsTerritory ? (string.IsNullOrWhiteSpace(Territoire) ? [] : [Territoire])
        : Filters.TryGetValue(filter.Definition().Filter, out var values) ? values : [];

    /// <summary>The chosen values that belong to a dimension (a thématique filter holds families and thématiques).</summary>
    public IEnumerable<string> SelectedIn(FacetDimension dimension) => ValuesOf(dimension).Where(dimension.Definition().Accepts);

    /// <summary>This request with the values of a filter replaced (the territory keeps the first one).</summary>
    public SearchRequest With(FacetDimension filter, params IEnumerable<string> values)
    {
        var definition = filter.Definition();
        var list = values.ToList();
        if (definition.IsTerritory)
        {
            return this with { Territoire = list.FirstOrDefault() };
        }

        var filters = new Dictionary<FacetDimension, IReadOnlyList<string>>(Filters) { [definition.Filter] = list };
        if (list.Count == 0)
        {
            filters.Remove(definition.Filter);
        }

        return this with { Filters = filters };
    }

    /// <summary>Adds a filter value, or removes it if chosen; back to page 1.</summary>
    public SearchRequest Toggle(FacetDimension dimension, string value)
    {
        var current = ValuesOf(dimension);
        return With(dimension, current.Contains(value) ? current.Where(v => v != value) : dimension.Definition().IsTerritory ? [value] : current.Append(value)) with { Page = 1 };
    }
}
