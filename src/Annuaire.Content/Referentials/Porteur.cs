namespace Annuaire.Content.Referentials;

/// <summary>A structure that delivers offers (<c>porteurs.yml</c>).</summary>
public sealed record Porteur
{
    /// <summary>The key used in offers' <c>porteur</c> and <c>partenaires</c>.</summary>
    public required string Key { get; init; }

    /// <summary>Display name.</summary>
    public required string Nom { get; init; }

    /// <summary>Category key (see <c>categories</c> in porteurs.yml).</summary>
    public string? Categorie { get; init; }

    /// <summary>data·inclusion <c>reseaux_porteurs</c> values.</summary>
    public IReadOnlyList<string> ReseauxPorteurs { get; init; } = [];

    /// <summary>Home département code, or null for a national structure.</summary>
    public string? Departement { get; init; }

    /// <summary>Web site.</summary>
    public Uri? Site { get; init; }
}
