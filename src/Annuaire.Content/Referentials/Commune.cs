namespace Annuaire.Content.Referentials;

/// <summary>A commune (or a municipal arrondissement of Paris, Lyon, Marseille) of the Code officiel géographique.</summary>
/// <param name="Code">INSEE code.</param>
/// <param name="Nom">Name.</param>
/// <param name="Departement">Département code.</param>
/// <param name="Epci">SIREN of its intercommunality, if any.</param>
/// <param name="CodesPostaux">Postal codes.</param>
public sealed record Commune(string Code, string Nom, string Departement, string? Epci, IReadOnlyList<string> CodesPostaux)
{
    /// <summary>Région code (COG), when known.</summary>
    public string? Region { get; init; }

    /// <summary>Municipal population (0 when unknown); decides between homonyms.</summary>
    public int Population { get; init; }

    /// <summary>For a municipal arrondissement (75101…), the commune it belongs to (75056).</summary>
    public string? Parent { get; init; }
}
