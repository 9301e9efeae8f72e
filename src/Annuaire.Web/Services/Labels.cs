using System.Globalization;
using Annuaire.Content.Referentials;
using Annuaire.Search.Querying;

namespace Annuaire.Web.Services;

/// <summary>French labels for keys, from the referentials of the index being served.</summary>
public sealed class Labels(ReferentialSet? referentials)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The label of a facet value.</summary>
    public string Of(FacetDimension dimension, string value)
    {
        if (referentials is null)
        {
            return value;
        }

        return dimension switch
        {
            FacetDimension.Thematique => referentials.Thematiques.Label(value),
            FacetDimension.Famille => referentials.ThematiqueFamilies.Label(value),
            FacetDimension.Public => referentials.Publics.Label(value),
            FacetDimension.Type => referentials.Types.Label(value),
            FacetDimension.Porteur => referentials.PorteurName(value),
            FacetDimension.ModeAccueil => referentials.ModesAccueil.Label(value),
            FacetDimension.Frais => referentials.Frais.Label(value),
            _ => referentials.Territories.NameOf(value),
        };
    }

    /// <summary>French name of a dimension.</summary>
    public static string Name(FacetDimension dimension) => dimension switch
    {
        FacetDimension.Famille => "Thématique",
        FacetDimension.Thematique => "Sous-thématique",
        FacetDimension.Public => "Public",
        FacetDimension.Type => "Type de service",
        FacetDimension.Porteur => "Porteur",
        FacetDimension.Departement => "Territoire",
        FacetDimension.ModeAccueil => "Accueil",
        _ => "Frais",
    };

    /// <summary>Label of a territory code.</summary>
    public string Territory(string code) => referentials?.Territories.NameOf(code) ?? code;

    /// <summary>Porteur name.</summary>
    public string Porteur(string key) => referentials?.PorteurName(key) ?? key;

    /// <summary>Label of a mobilisation mode.</summary>
    public string Mobilisation(string key) => referentials?.ModesMobilisation.Label(key) ?? key;

    /// <summary>« 12 mars 2026 ».</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", French);
}
