using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Annuaire.Content.Model;
using Annuaire.Content.Referentials;

namespace Annuaire.Content.Exchange;

/// <summary>
/// Maps the catalogue to the national data·inclusion v1 schema: one service per offer and one
/// structure per porteur that has offers. Ids are <c>{source}--{slug}</c> and
/// <c>{source}--{porteur}</c>, stable across exports.
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

    /// <summary>The services of the active, unexpired offers (archived offers are not published).</summary>
    /// <param name="offers">The catalogue.</param>
    /// <param name="source">Producer id, e.g. <c>annuaire-45</c>.</param>
    /// <param name="offerUrl">Builds the public page URL of an offer (<c>lien_source</c>), or null.</param>
    /// <param name="today">Expired offers are left out.</param>
    public static IReadOnlyList<DataInclusionService> Services(IEnumerable<Offer> offers, string source, Func<Offer, string>? offerUrl, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(offers);
        return [.. offers.Where(o => o.Statut != OfferStatus.Archive && !o.IsExpired(today)).Select(o =>
        {
            var place = o.Lieux.Count > 0 ? o.Lieux[0] : null;
            return new DataInclusionService
            {
                Source = source,
                StructureId = $"{source}--{o.Porteur}",
                Id = $"{source}--{o.Id}",
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
                Telephone = o.Contact?.Telephone is { } phone ? ToE164(phone) : null,
                Courriel = o.Contact?.Courriel,
                Adresse = place?.Adresse,
                CodePostal = place?.CodePostal,
                Commune = place?.Commune,
                CodeInsee = place?.CodeInsee,
                Latitude = place?.Latitude,
                Longitude = place?.Longitude,
                HorairesAccueil = place?.Horaires,
            };
        })];
    }

    /// <summary>The structures that deliver at least one exported service.</summary>
    public static IReadOnlyList<DataInclusionStructure> Structures(IReadOnlyList<DataInclusionService> services, IEnumerable<Offer> offers, ReferentialSet referentials, string source)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(referentials);
        var exported = services.Select(s => s.StructureId).ToHashSet(StringComparer.Ordinal);
        return [.. offers.GroupBy(o => o.Porteur, StringComparer.Ordinal)
            .Where(g => exported.Contains($"{source}--{g.Key}"))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                referentials.Porteurs.TryGetValue(g.Key, out var porteur);
                return new DataInclusionStructure
                {
                    Source = source,
                    Id = $"{source}--{g.Key}",
                    Nom = porteur?.Nom ?? g.Key,
                    DateMaj = g.Max(o => o.DateMaj).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    SiteWeb = porteur?.Site?.ToString(),
                    ReseauxPorteurs = porteur is { ReseauxPorteurs.Count: > 0 } ? porteur.ReseauxPorteurs : null,
                };
            })];
    }

    /// <summary>« 01 99 00 12 34 » → « +33199001234 »; short numbers (115) are kept.</summary>
    public static string ToE164(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var digits = new string([.. phone.Where(c => char.IsAsciiDigit(c) || c == '+')]).Replace("(0)", string.Empty, StringComparison.Ordinal);
        if (digits.StartsWith("+33", StringComparison.Ordinal))
        {
            return digits;
        }

        return digits.Length == 10 && digits[0] == '0' ? "+33" + digits[1..] : digits;
    }

    /// <summary>A CSV of the services (lists joined with commas), for spreadsheets.</summary>
    public static string ToCsv(IReadOnlyList<DataInclusionService> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var properties = typeof(DataInclusionService).GetProperties();
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', properties.Select(p => p.GetCustomAttributes(typeof(JsonPropertyNameAttribute), false).Cast<JsonPropertyNameAttribute>().Single().Name)));
        foreach (var service in services)
        {
            csv.AppendLine(string.Join(',', properties.Select(p => Escape(p.GetValue(service) switch
            {
                null => string.Empty,
                IEnumerable<string> list => string.Join(',', list),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v.ToString() ?? string.Empty,
            }))));
        }

        return csv.ToString();
    }

    private static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static IReadOnlyList<string>? NullIfEmpty(IReadOnlyList<string> list) => list.Count == 0 ? null : list;
}
