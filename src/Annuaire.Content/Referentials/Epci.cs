namespace Annuaire.Content.Referentials;

/// <summary>An intercommunality (EPCI with its own tax system: métropole, CU, CA, CC).</summary>
/// <param name="Code">SIREN (9 digits).</param>
/// <param name="Nom">Name.</param>
/// <param name="Departement">Main département code (the one most of its members are in).</param>
public sealed record Epci(string Code, string Nom, string Departement)
{
    /// <summary>Every département its members are in, main one first.</summary>
    public IReadOnlyList<string> Departements { get; init; } = [];

    /// <summary>Legal form: ME (métropole), CU, CA, CC.</summary>
    public string? Type { get; init; }
}
