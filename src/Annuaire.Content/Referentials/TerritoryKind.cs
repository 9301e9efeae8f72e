namespace Annuaire.Content.Referentials;

/// <summary>What a territory code designates.</summary>
public enum TerritoryKind
{
    /// <summary>Not a valid code.</summary>
    Invalid,
    /// <summary><c>france</c>.</summary>
    France,
    /// <summary>A département code (<c>45</c>, <c>2A</c>, <c>971</c>).</summary>
    Departement,
    /// <summary>A commune INSEE code (<c>45208</c>, <c>2A004</c>).</summary>
    Commune,
    /// <summary>An EPCI SIREN (9 digits).</summary>
    Epci,
}
