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

    /// <summary>Thématiques or whole families (<c>mobilite</c>); OR within, AND with other filters.</summary>
    public IReadOnlyList<string> Thematiques { get; init; } = [];

    /// <summary>Publics.</summary>
    public IReadOnlyList<string> Publics { get; init; } = [];

    /// <summary>Service types.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Porteurs (matches porteur and partenaires).</summary>
    public IReadOnlyList<string> Porteurs { get; init; } = [];

    /// <summary>Reception modes.</summary>
    public IReadOnlyList<string> ModesAccueil { get; init; } = [];

    /// <summary>Fees (gratuit, payant).</summary>
    public IReadOnlyList<string> Frais { get; init; } = [];

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
    public bool HasFilters => Thematiques.Count + Publics.Count + Types.Count + Porteurs.Count + ModesAccueil.Count + Frais.Count > 0 || !string.IsNullOrWhiteSpace(Territoire);
}
