using System.Text.Json.Serialization;

namespace Annuaire.Content.Exchange;

/// <summary>A structure in the data·inclusion v1 schema (<c>structures.json</c>); null fields are omitted.</summary>
public sealed record DataInclusionStructure
{
#pragma warning disable CS1591 // Properties are the schema's fields, documented by data·inclusion.
    [JsonPropertyName("source")] public required string Source { get; init; }
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("nom")] public required string Nom { get; init; }
    [JsonPropertyName("date_maj")] public required string DateMaj { get; init; }
    [JsonPropertyName("site_web")] public string? SiteWeb { get; init; }
    [JsonPropertyName("reseaux_porteurs")] public IReadOnlyList<string>? ReseauxPorteurs { get; init; }
#pragma warning restore CS1591
}
