namespace Annuaire.Content.Referentials;

/// <summary>An intercommunality (EPCI) known to the directory.</summary>
/// <param name="Code">SIREN (9 digits).</param>
/// <param name="Nom">Name.</param>
/// <param name="Departement">Main département code.</param>
public sealed record Epci(string Code, string Nom, string Departement);
