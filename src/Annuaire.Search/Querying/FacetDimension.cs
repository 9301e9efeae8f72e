using Annuaire.Content.Model;
using Annuaire.Content.Referentials;
using Annuaire.Search.Indexing;

namespace Annuaire.Search.Querying;

/// <summary>A filterable, countable dimension of offers (its definition: <see cref="FacetDimensions"/>).</summary>
public enum FacetDimension
{
    /// <summary>data·inclusion thématique (<c>mobilite--preparer-un-permis</c>).</summary>
    Thematique,
    /// <summary>Thématique family (<c>mobilite</c>).</summary>
    Famille,
    /// <summary>Public.</summary>
    Public,
    /// <summary>Service type.</summary>
    Type,
    /// <summary>Porteur or partenaire.</summary>
    Porteur,
    /// <summary>Département of the eligibility zone (<c>france</c> for national offers); filtered through the territory.</summary>
    Departement,
    /// <summary>Reception mode.</summary>
    ModeAccueil,
    /// <summary>Fees.</summary>
    Frais,
}

/// <summary>
/// Everything about one dimension, in one place: the index field, the query-string key of the
/// filter its values are chosen through, the values of an offer and the label of a value.
/// Indexing, searching, facet counting, the site and the API loop over <see cref="FacetDimensions.All"/>.
/// </summary>
public sealed class FacetDefinition
{
    private readonly Func<Offer, ReferentialSet, IEnumerable<string>> _values;
    private readonly Func<string, bool> _accepts;

    internal FacetDefinition(FacetDimension dimension, string key, string field, Func<Offer, ReferentialSet, IEnumerable<string>> values, Func<ReferentialSet, string, string> label, FacetDimension? filter = null, Func<string, bool>? accepts = null)
    {
        Dimension = dimension;
        Key = key;
        Field = field;
        Filter = filter ?? dimension;
        _values = values;
        Label = label;
        _accepts = accepts ?? (_ => true);
    }

    /// <summary>The dimension.</summary>
    public FacetDimension Dimension { get; }

    /// <summary>Query-string and API key of its filter (<c>thematique</c>, <c>territoire</c>…).</summary>
    public string Key { get; }

    /// <summary>The filter its values are chosen through (a family is chosen as a thématique).</summary>
    public FacetDimension Filter { get; }

    /// <summary>Whether the filter is the territory (one value, read as a place).</summary>
    public bool IsTerritory => Filter == FacetDimension.Departement;

    /// <summary>The label of a value, from the referentials (codes stay codes when unknown).</summary>
    public Func<ReferentialSet, string, string> Label { get; }

    /// <summary>The index field (a filterable term and a counted doc value per value).</summary>
    internal string Field { get; }

    /// <summary>The values of an offer in this dimension.</summary>
    public IEnumerable<string> ValuesOf(Offer offer, ReferentialSet referentials) => _values(offer, referentials).Distinct(StringComparer.Ordinal);

    /// <summary>Whether a value of its filter belongs to this dimension (a thématique has « -- », a family not).</summary>
    public bool Accepts(string value) => _accepts(value);
}

/// <summary>The registry of dimensions.</summary>
public static class FacetDimensions
{
    private static readonly FacetDefinition[] Definitions =
    [
        new(FacetDimension.Thematique, "thematique", OfferFields.FThematique, (o, _) => o.Thematiques, (r, v) => r.Thematiques.Label(v), accepts: IsThematique),
        new(FacetDimension.Famille, "thematique", OfferFields.FFamille, (o, _) => o.ThematiqueFamilies, (r, v) => r.ThematiqueFamilies.Label(v), FacetDimension.Thematique, v => !IsThematique(v)),
        new(FacetDimension.Public, "public", OfferFields.FPublic, (o, _) => o.Publics, (r, v) => r.Publics.Label(v)),
        new(FacetDimension.Type, "type", OfferFields.FType, (o, _) => o.Type is null ? [] : [o.Type], (r, v) => r.Types.Label(v)),
        new(FacetDimension.Porteur, "porteur", OfferFields.FPorteur, (o, _) => o.Partenaires.Prepend(o.Porteur), (r, v) => r.PorteurName(v)),
        new(FacetDimension.Departement, "territoire", OfferFields.FDepartement,
            (o, r) => o.ZoneEligibilite.Select(z => z == Offer.France ? Offer.France : r.Territories.DepartementOf(z)).OfType<string>(), (r, v) => r.Territories.NameOf(v)),
        new(FacetDimension.ModeAccueil, "accueil", OfferFields.FModeAccueil, (o, _) => o.ModesAccueil, (r, v) => r.ModesAccueil.Label(v)),
        new(FacetDimension.Frais, "frais", OfferFields.FFrais, (o, _) => o.Frais is null ? [] : [o.Frais], (r, v) => r.Frais.Label(v)),
    ];

    /// <summary>Every dimension, in the order of the enum.</summary>
    public static IReadOnlyList<FacetDefinition> All { get; } = Definitions;

    /// <summary>The filters a request can hold, one per key (a family and a thématique share one).</summary>
    public static IReadOnlyList<FacetDefinition> Filters { get; } = [.. Definitions.Where(d => d.Filter == d.Dimension)];

    /// <summary>The definition of a dimension.</summary>
    public static FacetDefinition Definition(this FacetDimension dimension) => Definitions[(int)dimension];

    /// <summary>The index field holding a dimension.</summary>
    internal static string Field(this FacetDimension dimension) => dimension.Definition().Field;

    /// <summary>The dimensions counted for a filter (a thématique filter is counted as families and thématiques).</summary>
    public static IEnumerable<FacetDefinition> CountedBy(FacetDimension filter) => Definitions.Where(d => d.Filter == filter);

    private static bool IsThematique(string value) => value.Contains(ThematiqueFamily.Separator, StringComparison.Ordinal);
}
