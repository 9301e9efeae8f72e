using System.Globalization;
using System.Text.Json;
using Annuaire.Content.Model;
using Annuaire.Content.Parsing;
using Annuaire.Content.Text;

namespace Annuaire.Content.Exchange;

/// <summary>What an import does to one file.</summary>
public enum ImportAction
{
    /// <summary>A new offer file.</summary>
    Created,
    /// <summary>An existing file with imported fields updated.</summary>
    Updated,
    /// <summary>Nothing to change.</summary>
    Unchanged,
    /// <summary>Not imported (unknown structure, invalid result…).</summary>
    Skipped,
}

/// <summary>The plan for one imported service.</summary>
/// <param name="Slug">Offer id.</param>
/// <param name="RelativePath">File path relative to the content root.</param>
/// <param name="Action">What happens.</param>
/// <param name="ChangedFields">Front-matter keys (and « texte ») updated.</param>
/// <param name="KeptFields">Keys an editor changed since the last import, left as they are.</param>
/// <param name="Text">The new file content (null when skipped or unchanged).</param>
/// <param name="Problem">Why it was skipped.</param>
public sealed record ImportedFile(string Slug, string RelativePath, ImportAction Action, IReadOnlyList<string> ChangedFields, IReadOnlyList<string> KeptFields, string? Text, string? Problem);

/// <summary>
/// Turns data·inclusion services into offer files. Slugs are stable (derived from the service id).
/// Re-importing is a three-way merge against the values of the previous import (kept in a state
/// file): a field is updated only if the editor has not changed it since.
/// </summary>
public static class DataInclusionImporter
{
    /// <summary>Keys the import manages; the others (resume, mots_cles, partenaires, statut…) belong to editors.</summary>
    public static IReadOnlyList<string> ManagedKeys { get; } =
    [
        "titre", "porteur", "thematiques", "type", "publics", "publics_precisions", "zone_eligibilite", "modes_accueil", "frais",
        "frais_precisions", "conditions_acces", "modes_mobilisation", "mobilisable_par", "mobilisation_precisions",
        "lien_mobilisation", "contact", "lieux", "date_maj", "texte",
    ];

    private static readonly string[] EditorKeys = ["resume", "partenaires", "mots_cles", "valide_du", "valide_jusqu_au", "statut"];

    /// <summary>Plans the import. <paramref name="previous"/> holds, per slug, the field values of the last import.</summary>
    public static (IReadOnlyList<ImportedFile> Files, Dictionary<string, Dictionary<string, string>> State) Plan(
        IReadOnlyList<DataInclusionService> services,
        Func<string, string?> porteurOf,
        string targetFolder,
        ContentCatalog existing,
        IReadOnlyDictionary<string, Dictionary<string, string>> previous,
        ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(porteurOf);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(previous);
        var byId = existing.Offers.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var state = new Dictionary<string, Dictionary<string, string>>(previous.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal);
        var files = new List<ImportedFile>();
        // The places of one offer come as one service each (see DataInclusionIds): import them as one file.
        foreach (var group in services.GroupBy(s => DataInclusionIds.OfferSlugOfPlace(s.Source, s.Id) is { } offer ? $"{s.Source}{DataInclusionIds.Separator}{offer}" : s.Id, StringComparer.Ordinal))
        {
            var service = group.First();
            var slug = DataInclusionIds.OfferSlugOfPlace(service.Source, service.Id) ?? SlugOf(service);
            var porteur = porteurOf(service.StructureId);
            byId.TryGetValue(slug, out var current);
            var path = current?.SourcePath ?? $"{targetFolder.Trim('/')}/{slug}.md";
            if (porteur is null)
            {
                files.Add(new ImportedFile(slug, path, ImportAction.Skipped, [], [], null, $"structure « {service.StructureId} » absente de la table des porteurs (--porteur-map)"));
                continue;
            }

            var incoming = Fields(service, [.. group], porteur);
            var currentFields = current is null ? null : Fields(current);
            var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
            var changed = new List<string>();
            var kept = new List<string>();
            previous.TryGetValue(slug, out var baseline);
            foreach (var key in ManagedKeys)
            {
                var theirs = incoming.GetValueOrDefault(key);
                if (currentFields is null)
                {
                    merged[key] = theirs;
                    continue;
                }

                var mine = currentFields.GetValueOrDefault(key);
                var untouched = baseline is not null ? Canonical(mine) == baseline.GetValueOrDefault(key, Canonical(null)) : mine is null;
                if (untouched && Canonical(mine) != Canonical(theirs))
                {
                    merged[key] = theirs;
                    changed.Add(key);
                }
                else
                {
                    merged[key] = mine;
                    if (!untouched && Canonical(mine) != Canonical(theirs))
                    {
                        kept.Add(key);
                    }
                }
            }

            state[slug] = ManagedKeys.ToDictionary(k => k, k => Canonical(incoming.GetValueOrDefault(k)), StringComparer.Ordinal);
            if (current is not null && changed.Count == 0)
            {
                files.Add(new ImportedFile(slug, path, ImportAction.Unchanged, [], kept, null, null));
                continue;
            }

            var editor = current is null
                ? new Dictionary<string, object?> { ["resume"] = ResumeFrom(service.Description) }
                : Fields(current).Where(kv => EditorKeys.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
            var text = Render(merged, editor);
            var (offer, diagnostics) = OfferFileReader.Parse(path, text, existing.Referentials, options);
            if (offer is null)
            {
                var first = diagnostics.First(d => d.IsError);
                files.Add(new ImportedFile(slug, path, ImportAction.Skipped, [], [], null, $"l'offre produite serait invalide ({first.Code} : {first.Message})"));
                continue;
            }

            files.Add(new ImportedFile(slug, path, current is null ? ImportAction.Created : ImportAction.Updated, current is null ? ["tous"] : changed, kept, text, null));
        }

        return (files, state);
    }

    /// <summary>Stable slug: the id without its <c>source--</c> prefix when that is a valid slug, else derived from the name and id.</summary>
    public static string SlugOf(DataInclusionService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var prefix = service.Source + "--";
        var local = service.Id.StartsWith(prefix, StringComparison.Ordinal) ? service.Id[prefix.Length..] : service.Id;
        if (DataInclusionIds.IsSlug(local))
        {
            return local;
        }

        var hash = (uint)service.Id.Aggregate(17, (h, c) => unchecked((h * 31) + c));
        return $"{TextNormalizer.Slugify(service.Nom, 60)}-{hash.ToString("x8", CultureInfo.InvariantCulture)}";
    }

    private static Dictionary<string, object?> Fields(DataInclusionService s, IReadOnlyList<DataInclusionService> places, string porteur) => new(StringComparer.Ordinal)
    {
        ["titre"] = s.Nom,
        ["porteur"] = porteur,
        ["thematiques"] = s.Thematiques,
        ["type"] = s.Type,
        ["publics"] = s.Publics,
        ["publics_precisions"] = s.PublicsPrecisions,
        ["zone_eligibilite"] = s.ZoneEligibilite,
        ["modes_accueil"] = s.ModesAccueil,
        ["frais"] = s.Frais,
        ["frais_precisions"] = s.FraisPrecisions,
        ["conditions_acces"] = s.ConditionsAcces,
        ["modes_mobilisation"] = s.ModesMobilisation,
        ["mobilisable_par"] = s.MobilisablePar,
        ["mobilisation_precisions"] = s.MobilisationPrecisions,
        ["lien_mobilisation"] = s.LienMobilisation,
        ["contact"] = Map(("nom", s.ContactNomPrenom), ("telephone", s.Telephone is null ? null : FrenchPhoneNumbers.ToNational(s.Telephone)), ("courriel", s.Courriel)),
        ["lieux"] = places.Where(p => p.Adresse is not null || p.Commune is not null || p.CodeInsee is not null)
            .Select(p => Map(("nom", p.ComplementAdresse), ("adresse", p.Adresse), ("code_postal", p.CodePostal), ("commune", p.Commune), ("code_insee", p.CodeInsee), ("horaires", p.HorairesAccueil), ("latitude", p.Latitude), ("longitude", p.Longitude)))
            .ToArray() is { Length: > 0 } lieux ? lieux : null,
        ["date_maj"] = s.DateMaj,
        ["texte"] = s.Description.Trim(),
    };

    private static Dictionary<string, object?> Fields(Offer o)
    {
        var place = o.Lieux.Count > 0 ? o.Lieux[0] : null;
        return new(StringComparer.Ordinal)
        {
            ["titre"] = o.Titre,
            ["resume"] = o.Resume,
            ["porteur"] = o.Porteur,
            ["partenaires"] = o.Partenaires,
            ["thematiques"] = o.Thematiques,
            ["type"] = o.Type,
            ["publics"] = o.Publics,
            ["publics_precisions"] = o.PublicsPrecisions,
            ["zone_eligibilite"] = o.ZoneEligibilite,
            ["modes_accueil"] = o.ModesAccueil,
            ["frais"] = o.Frais,
            ["frais_precisions"] = o.FraisPrecisions,
            ["conditions_acces"] = o.ConditionsAcces,
            ["modes_mobilisation"] = o.ModesMobilisation,
            ["mobilisable_par"] = o.MobilisablePar,
            ["mobilisation_precisions"] = o.MobilisationPrecisions,
            ["lien_mobilisation"] = o.LienMobilisation?.ToString(),
            ["contact"] = o.Contact is null ? null : Map(("nom", o.Contact.Nom), ("telephone", o.Contact.Telephone), ("courriel", o.Contact.Courriel), ("site", o.Contact.Site?.ToString())),
            ["lieux"] = o.Lieux.Count == 0 ? null : o.Lieux.Select(l => Map(("nom", l.Nom), ("adresse", l.Adresse), ("code_postal", l.CodePostal), ("commune", l.Commune), ("code_insee", l.CodeInsee), ("horaires", l.Horaires), ("latitude", l.Latitude), ("longitude", l.Longitude))).ToArray(),
            ["mots_cles"] = o.MotsCles,
            ["date_maj"] = o.DateMaj.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["valide_du"] = o.ValideDu?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["valide_jusqu_au"] = o.ValideJusquAu?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["statut"] = o.Statut == OfferStatus.Actif ? null : o.Statut.ToString().ToLowerInvariant(),
            ["texte"] = o.Body.Trim(),
        };
    }

    private static Dictionary<string, object?>? Map(params (string Key, object? Value)[] entries) =>
        entries.All(e => e.Value is null) ? null : entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    /// <summary>The canonical form used to compare field values across imports.</summary>
    internal static string Canonical(object? value) => value switch
    {
        null => "null",
        IReadOnlyCollection<string> { Count: 0 } => "null",
        Dictionary<string, object?> map => JsonSerializer.Serialize(map.Where(kv => kv.Value is not null).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary()),
        _ => JsonSerializer.Serialize(value),
    };

    private static string Render(Dictionary<string, object?> managed, Dictionary<string, object?> editor)
    {
        object? Get(string key) => managed.TryGetValue(key, out var v) ? v : editor.GetValueOrDefault(key);
        string[] order = ["titre", "resume", "porteur", "partenaires", "thematiques", "type", "publics", "publics_precisions", "zone_eligibilite",
            "modes_accueil", "frais", "frais_precisions", "conditions_acces", "modes_mobilisation", "mobilisable_par", "mobilisation_precisions",
            "lien_mobilisation", "contact", "lieux", "mots_cles", "date_maj", "valide_du", "valide_jusqu_au", "statut"];
        var fields = order.Select(k => new KeyValuePair<string, object?>(k, Get(k)));
        return OfferYamlWriter.Write(fields, (string?)Get("texte") ?? string.Empty);
    }

    /// <summary>The first sentence of the description, within the 20–280 characters a summary needs.</summary>
    internal static string ResumeFrom(string description)
    {
        var plain = OfferMarkdown.ToPlainText(description).ReplaceLineEndings(" ").Trim();
        var end = plain.IndexOfAny(['.', '!', '?']);
        var sentence = end is > 20 and < 279 ? plain[..(end + 1)] : plain;
        if (sentence.Length > 280)
        {
            sentence = sentence[..277].TrimEnd() + "…";
        }

        return sentence.Length >= 20 ? sentence : (sentence + " — voir la description complète.").Trim();
    }
}
