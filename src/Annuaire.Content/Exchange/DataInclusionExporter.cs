using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Annuaire.Content.Model;
using Annuaire.Content.Referentials;

namespace Annuaire.Content.Exchange;

/// <summary>
/// Maps the catalogue to the national data·inclusion v1 schema: one service per place of each
/// offer (the schema has one address per service), one service for an offer without place, and
/// one structure per porteur that has offers. Ids come from <see cref="DataInclusionIds"/> and
/// are stable across exports. The mapping is documented in docs/data-inclusion.md.
/// </summary>
public static class DataInclusionExporter
{
    /// <summary>JSON settings for the exchange files (snake_case names come from the records).</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // The framework's safe encoder (< > & ' " escaped, so text never reads as markup), widened to
        // every Unicode range so accented words stay readable; never UnsafeRelaxedJsonEscaping.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>The services of the active, unexpired offers (archived offers are not published), one per place.</summary>
    /// <param name="offers">The catalogue.</param>
    /// <param name="source">Producer id, e.g. <c>annuaire-45</c>.</param>
    /// <param name="offerUrl">Builds the public page URL of an offer (<c>lien_source</c>), or null.</param>
    /// <param name="today">Offers not listed that day (<see cref="OfferVisibility"/>) are left out.</param>
    public static IReadOnlyList<DataInclusionService> Services(IEnumerable<Offer> offers, string source, Func<Offer, string>? offerUrl, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(offers);
        return [.. offers.Where(o => OfferVisibility.IsListed(o, today)).SelectMany(o =>
        {
            var service = Service(o, source, offerUrl);
            var ids = DataInclusionIds.Services(source, o);
            return o.Lieux.Count == 0
                ? [service]
                : o.Lieux.Select((place, i) => service with
                {
                    Id = ids[i],
                    ComplementAdresse = place.Nom,
                    Adresse = place.Adresse,
                    CodePostal = place.CodePostal,
                    Commune = place.Commune,
                    CodeInsee = place.CodeInsee,
                    Latitude = place.Latitude,
                    Longitude = place.Longitude,
                    HorairesAccueil = place.Horaires,
                });
        })];
    }

    private static DataInclusionService Service(Offer o, string source, Func<Offer, string>? offerUrl) => new()
    {
        Source = source,
        StructureId = DataInclusionIds.Structure(source, o.Porteur),
        Id = DataInclusionIds.Services(source, o)[0],
        Nom = o.Titre,
        Description = o.Body,
        DateMaj = o.DateMaj.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Type = o.Type,
        Thematiques = o.Thematiques,
        Publics = o.Publics,
        PublicsPrecisions = o.PublicsPrecisions,
        ZoneEligibilite = o.ZoneEligibilite,
        ModesAccueil = NullIfEmpty(o.ModesAccueil),
        Frais = o.Frais,
        FraisPrecisions = o.FraisPrecisions,
        ConditionsAcces = o.ConditionsAcces,
        ModesMobilisation = NullIfEmpty(o.ModesMobilisation),
        MobilisablePar = NullIfEmpty(o.MobilisablePar),
        MobilisationPrecisions = o.MobilisationPrecisions,
        LienMobilisation = o.LienMobilisation?.ToString(),
        LienSource = offerUrl?.Invoke(o),
        ContactNomPrenom = o.Contact?.Nom,
        Telephone = o.Contact?.Telephone is { } phone ? FrenchPhoneNumbers.ToE164(phone) : null,
        Courriel = o.Contact?.Courriel,
    };

    /// <summary>The structures that deliver at least one exported service.</summary>
    public static IReadOnlyList<DataInclusionStructure> Structures(IReadOnlyList<DataInclusionService> services, IEnumerable<Offer> offers, ReferentialSet referentials, string source)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(referentials);
        var exported = services.Select(s => s.StructureId).ToHashSet(StringComparer.Ordinal);
        return [.. offers.GroupBy(o => o.Porteur, StringComparer.Ordinal)
            .Where(g => exported.Contains(DataInclusionIds.Structure(source, g.Key)))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                referentials.Porteurs.TryGetValue(g.Key, out var porteur);
                return new DataInclusionStructure
                {
                    Source = source,
                    Id = DataInclusionIds.Structure(source, g.Key),
                    Nom = porteur?.Nom ?? g.Key,
                    DateMaj = g.Max(o => o.DateMaj).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    SiteWeb = porteur?.Site?.ToString(),
                    ReseauxPorteurs = porteur is { ReseauxPorteurs.Count: > 0 } ? porteur.ReseauxPorteurs : null,
                };
            })];
    }

    private static IReadOnlyList<string>? NullIfEmpty(IReadOnlyList<string> list) => list.Count == 0 ? null : list;
}
