using System.Text.Json;
using System.Text.Json.Serialization;
using Annuaire.Content.Model;

namespace Annuaire.Search.Indexing;

/// <summary>The stored form of an offer (<see cref="OfferFields.Source"/>), so an on-disk index is self-contained.</summary>
internal static class OfferJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(Offer offer) => JsonSerializer.Serialize(offer, Options);

    public static Offer Deserialize(string json) =>
        JsonSerializer.Deserialize<Offer>(json, Options) ?? throw new JsonException("Offre vide dans l'index.");
}
