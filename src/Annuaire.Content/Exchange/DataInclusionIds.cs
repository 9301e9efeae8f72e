using Annuaire.Content.Model;
using Annuaire.Content.Text;

namespace Annuaire.Content.Exchange;

/// <summary>
/// Identifiers of exported structures and services. A service is <c>{source}--{slug}</c> for an
/// offer with at most one place, and <c>{source}--{slug}--{place}</c> for each place of an offer
/// with several (the place key is the slug of its name, else its commune), so ids stay stable when
/// places are reordered. Offer slugs never contain <c>--</c>, so the offer is found again on import.
/// </summary>
public static class DataInclusionIds
{
    /// <summary>Separator between the producer, the offer and the place.</summary>
    public const string Separator = "--";

    /// <summary>The structure of a porteur.</summary>
    public static string Structure(string source, string porteur) => source + Separator + porteur;

    /// <summary>The service id of each place of <paramref name="offer"/> (one id when it has at most one place).</summary>
    public static IReadOnlyList<string> Services(string source, Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var offerId = source + Separator + offer.Id;
        if (offer.Lieux.Count <= 1)
        {
            return [offerId];
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        var ids = new List<string>(offer.Lieux.Count);
        for (var i = 0; i < offer.Lieux.Count; i++)
        {
            var place = offer.Lieux[i];
            var key = TextNormalizer.Slugify(place.Nom ?? place.Commune ?? string.Empty, 60) is { Length: > 0 } k ? k : "lieu";
            var unique = key;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = $"{key}-{n}";
            }

            ids.Add(offerId + Separator + unique);
        }

        return ids;
    }

    /// <summary>
    /// The offer slug of a service id written by <see cref="Services"/> with a place part, or null
    /// (one service = one offer).
    /// </summary>
    public static string? OfferSlugOfPlace(string source, string serviceId)
    {
        ArgumentNullException.ThrowIfNull(serviceId);
        var prefix = source + Separator;
        if (!serviceId.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var local = serviceId[prefix.Length..];
        var at = local.IndexOf(Separator, StringComparison.Ordinal);
        return at > 0 && IsSlug(local[..at]) && IsSlug(local[(at + Separator.Length)..]) ? local[..at] : null;
    }

    /// <summary>Whether <paramref name="text"/> is a valid offer slug (lower-case letters and digits, single hyphens).</summary>
    public static bool IsSlug(string text) =>
        text.Length is > 0 and <= 100 && System.Text.RegularExpressions.Regex.IsMatch(text, "^[a-z0-9]+(-[a-z0-9]+)*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
}
