namespace Annuaire.Content.Referentials;

/// <summary>A commune known to the directory (<c>territoires.yml</c>).</summary>
/// <param name="Code">INSEE code.</param>
/// <param name="Nom">Name.</param>
/// <param name="Departement">Département code.</param>
/// <param name="Epci">SIREN of its intercommunality, if known.</param>
/// <param name="CodesPostaux">Postal codes.</param>
public sealed record Commune(string Code, string Nom, string Departement, string? Epci, IReadOnlyList<string> CodesPostaux);
