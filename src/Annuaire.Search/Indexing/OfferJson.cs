using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Annuaire.Content.Model;

namespace Annuaire.Search.Indexing;

/// <summary>The saved form of an offer (<see cref="SavedOffers"/>), so an on-disk index is self-contained.</summary>
internal static class OfferJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Accented letters as they are (one or two bytes, not a six-byte escape): the JSON is never embedded in a page.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static byte[] SerializeToUtf8(Offer offer) => JsonSerializer.SerializeToUtf8Bytes(offer, Options);

    public static Offer Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<Offer>(json, Options) ?? throw new JsonException("Empty offer in the index.");
}
