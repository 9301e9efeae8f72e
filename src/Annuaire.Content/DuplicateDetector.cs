using Annuaire.Content.Diagnostics;
using Annuaire.Content.Model;
using Annuaire.Content.Referentials;
using Annuaire.Content.Text;

namespace Annuaire.Content;

/// <summary>
/// Warns about probable duplicates so two editors do not add the same offer twice: near-identical
/// titles with the same porteur and an overlapping territory, or the same contact and thématique
/// on an overlapping territory.
/// </summary>
public static class DuplicateDetector
{
    /// <summary>Word-set similarity above which two titles are "near-identical".</summary>
    public const double TitleSimilarity = 0.8;

    /// <summary>One warning per probable duplicate pair, on the later file.</summary>
    public static IEnumerable<Diagnostic> Find(IReadOnlyList<Offer> offers, ReferentialSet referentials)
    {
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(referentials);
        var reported = new HashSet<(string, string)>();

        // Same porteur: compare titles (groups keep this far from quadratic on large catalogues).
        foreach (var group in offers.GroupBy(o => o.Porteur, StringComparer.Ordinal))
        {
            var items = group.Select(o => (Offer: o, Words: TextNormalizer.Words(o.Titre))).ToList();
            for (var i = 0; i < items.Count; i++)
            {
                for (var j = i + 1; j < items.Count; j++)
                {
                    var (a, b) = (items[i], items[j]);
                    if (Jaccard(a.Words, b.Words) >= TitleSimilarity && ZonesOverlap(a.Offer, b.Offer, referentials.Territories) && reported.Add(Key(a.Offer, b.Offer)))
                    {
                        yield return Warn(a.Offer, b.Offer, "titre presque identique, même porteur et même territoire");
                    }
                }
            }
        }

        // Same contact (phone or email) and a shared thématique.
        var byContact = offers
            .SelectMany(o => new[] { o.Contact?.Telephone is { } t ? "tel:" + new string([.. t.Where(char.IsDigit)]) : null, o.Contact?.Courriel?.ToLowerInvariant() }
                .Where(k => k is not null).Select(k => (Key: k!, Offer: o)))
            .GroupBy(x => x.Key, StringComparer.Ordinal);
        foreach (var group in byContact)
        {
            var items = group.Select(x => x.Offer).Distinct().ToList();
            for (var i = 0; i < items.Count; i++)
            {
                for (var j = i + 1; j < items.Count; j++)
                {
                    var (a, b) = (items[i], items[j]);
                    // Shared national numbers (115, 3949) are normal across territories: require overlap.
                    if (a.Thematiques.Intersect(b.Thematiques, StringComparer.Ordinal).Any()
                        && ZonesOverlap(a, b, referentials.Territories)
                        && Jaccard(TextNormalizer.Words(a.Titre), TextNormalizer.Words(b.Titre)) >= 0.5
                        && reported.Add(Key(a, b)))
                    {
                        yield return Warn(a, b, "même contact, même thématique et titre proche");
                    }
                }
            }
        }
    }

    private static (string, string) Key(Offer a, Offer b) => string.CompareOrdinal(a.Id, b.Id) < 0 ? (a.Id, b.Id) : (b.Id, a.Id);

    private static Diagnostic Warn(Offer a, Offer b, string reason)
    {
        var (first, second) = string.CompareOrdinal(a.SourcePath, b.SourcePath) < 0 ? (a, b) : (b, a);
        return new Diagnostic(DiagnosticCodes.ProbableDuplicate, DiagnosticSeverity.Warning, second.SourcePath, 1, 1,
            $"Doublon probable de {first.SourcePath} ({reason}) : fusionnez les deux offres ou différenciez leurs titres.");
    }

    private static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static bool ZonesOverlap(Offer a, Offer b, Territories territories)
    {
        var da = a.ZoneEligibilite.Select(z => territories.DepartementOf(z) ?? z).ToHashSet(StringComparer.Ordinal);
        return b.ZoneEligibilite.Any(z => da.Contains(territories.DepartementOf(z) ?? z));
    }
}
