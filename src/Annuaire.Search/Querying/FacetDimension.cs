using Annuaire.Search.Indexing;

namespace Annuaire.Search.Querying;

/// <summary>A filterable, countable dimension of offers.</summary>
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
    /// <summary>Département of the eligibility zone (<c>france</c> for national offers).</summary>
    Departement,
    /// <summary>Reception mode.</summary>
    ModeAccueil,
    /// <summary>Fees.</summary>
    Frais,
}

/// <summary>Maps dimensions to index fields.</summary>
public static class FacetDimensions
{
    /// <summary>Every dimension, in display order.</summary>
    public static IReadOnlyList<FacetDimension> All { get; } = Enum.GetValues<FacetDimension>();

    /// <summary>The index field holding a dimension.</summary>
    public static string Field(this FacetDimension dimension) => dimension switch
    {
        FacetDimension.Thematique => OfferFields.FThematique,
        FacetDimension.Famille => OfferFields.FFamille,
        FacetDimension.Public => OfferFields.FPublic,
        FacetDimension.Type => OfferFields.FType,
        FacetDimension.Porteur => OfferFields.FPorteur,
        FacetDimension.Departement => OfferFields.FDepartement,
        FacetDimension.ModeAccueil => OfferFields.FModeAccueil,
        FacetDimension.Frais => OfferFields.FFrais,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };
}
