namespace Annuaire.Content.Referentials;

/// <summary>All referentials of a content folder (<c>content/referentiels</c>).</summary>
public sealed record ReferentialSet
{
    /// <summary>Thématiques (<c>family--theme</c> keys).</summary>
    public required Referential Thematiques { get; init; }

    /// <summary>Thématique families (the part before <c>--</c>).</summary>
    public required Referential ThematiqueFamilies { get; init; }

    /// <summary>Publics.</summary>
    public required Referential Publics { get; init; }

    /// <summary>Service types.</summary>
    public required Referential Types { get; init; }

    /// <summary>Fees (gratuit, payant).</summary>
    public required Referential Frais { get; init; }

    /// <summary>Reception modes.</summary>
    public required Referential ModesAccueil { get; init; }

    /// <summary>Mobilisation modes.</summary>
    public required Referential ModesMobilisation { get; init; }

    /// <summary>Who can mobilise.</summary>
    public required Referential MobilisablePar { get; init; }

    /// <summary>data·inclusion networks.</summary>
    public required Referential ReseauxPorteurs { get; init; }

    /// <summary>Porteur categories.</summary>
    public required Referential PorteurCategories { get; init; }

    /// <summary>Porteurs by key, in file order.</summary>
    public required IReadOnlyDictionary<string, Porteur> Porteurs { get; init; }

    /// <summary>Territories.</summary>
    public required Territories Territories { get; init; }

    /// <summary>Lines of <c>synonymes.txt</c> (Solr synonym format), empty when absent.</summary>
    public IReadOnlyList<string> Synonyms { get; init; } = [];

    /// <summary>The display name of a porteur key (the key itself if unknown).</summary>
    public string PorteurName(string key) => Porteurs.TryGetValue(key, out var p) ? p.Nom : key;
}
