namespace Annuaire.Content.Referentials;

/// <summary>
/// A région, known as the list of its départements: data·inclusion writes a région-wide zone as
/// the codes of its départements, so a région is never a zone code of its own.
/// </summary>
/// <param name="Code">COG code (24 = Centre-Val de Loire).</param>
/// <param name="Nom">Name.</param>
/// <param name="Departements">Its département codes.</param>
public sealed record Region(string Code, string Nom, IReadOnlyList<string> Departements);
