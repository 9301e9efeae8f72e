using Annuaire.Content.Model;
using Annuaire.Content.Referentials;

namespace Annuaire.Content.Reporting;

/// <summary>Why an offer needs an editor's attention.</summary>
public enum FreshnessIssue
{
    /// <summary><c>date_maj</c> older than the threshold.</summary>
    AVerifier,
    /// <summary>Past <c>valide_jusqu_au</c>.</summary>
    Expiree,
    /// <summary><c>statut: suspendu</c>.</summary>
    Suspendue,
    /// <summary>No contact.</summary>
    SansContact,
    /// <summary>No place.</summary>
    SansLieu,
    /// <summary>Places without opening hours.</summary>
    SansHoraires,
    /// <summary>No access conditions.</summary>
    SansConditions,
    /// <summary>Body shorter than <see cref="FreshnessReport.MinimumWords"/> words.</summary>
    DescriptionCourte,
}

/// <summary>One offer to look at.</summary>
/// <param name="Offer">The offer.</param>
/// <param name="Issues">What to fix.</param>
/// <param name="Departement">Its département (or <c>france</c>).</param>
public sealed record FreshnessItem(Offer Offer, IReadOnlyList<FreshnessIssue> Issues, string Departement);

/// <summary>The offers to verify, with counts per porteur and per département.</summary>
public sealed record FreshnessReport(IReadOnlyList<FreshnessItem> Items, int OfferCount, int StaleAfterMonths, DateOnly Today)
{
    /// <summary>Below this many words a description is reported as short.</summary>
    public const int MinimumWords = 120;

    /// <summary>French labels of the issues.</summary>
    public static string Label(FreshnessIssue issue) => issue switch
    {
        FreshnessIssue.AVerifier => "à vérifier",
        FreshnessIssue.Expiree => "expirée",
        FreshnessIssue.Suspendue => "suspendue",
        FreshnessIssue.SansContact => "sans contact",
        FreshnessIssue.SansLieu => "sans lieu",
        FreshnessIssue.SansHoraires => "sans horaires",
        FreshnessIssue.SansConditions => "sans conditions d'accès",
        _ => "description courte",
    };

    /// <summary>Builds the report. Archived offers are left out: nobody needs to verify them.</summary>
    public static FreshnessReport Build(IReadOnlyList<Offer> offers, Territories territories, DateOnly today, int staleAfterMonths = 12)
    {
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(territories);
        var items = new List<FreshnessItem>();
        foreach (var offer in offers.Where(o => o.Statut != OfferStatus.Archive))
        {
            var issues = new List<FreshnessIssue>();
            void If(bool condition, FreshnessIssue issue)
            {
                if (condition)
                {
                    issues.Add(issue);
                }
            }

            If(offer.IsStale(today, staleAfterMonths), FreshnessIssue.AVerifier);
            If(offer.IsExpired(today), FreshnessIssue.Expiree);
            If(offer.Statut == OfferStatus.Suspendu, FreshnessIssue.Suspendue);
            If(offer.Contact is null || (offer.Contact.Telephone is null && offer.Contact.Courriel is null && offer.Contact.Site is null), FreshnessIssue.SansContact);
            If(offer.Lieux.Count == 0 && !offer.ModesAccueil.SequenceEqual(["a-distance"]), FreshnessIssue.SansLieu);
            If(offer.Lieux.Count > 0 && offer.Lieux.All(l => l.Horaires is null), FreshnessIssue.SansHoraires);
            If(string.IsNullOrWhiteSpace(offer.ConditionsAcces), FreshnessIssue.SansConditions);
            If(offer.Body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length < MinimumWords, FreshnessIssue.DescriptionCourte);
            if (issues.Count > 0)
            {
                var zone = offer.ZoneEligibilite[0];
                items.Add(new FreshnessItem(offer, issues, zone == Offer.France ? Offer.France : territories.DepartementOf(zone) ?? zone));
            }
        }

        return new FreshnessReport([.. items.OrderBy(i => i.Offer.DateMaj).ThenBy(i => i.Offer.Id, StringComparer.Ordinal)], offers.Count, staleAfterMonths, today);
    }

    /// <summary>Items with a given issue.</summary>
    public IEnumerable<FreshnessItem> With(FreshnessIssue issue) => Items.Where(i => i.Issues.Contains(issue));

    /// <summary>Counts of items per key (porteur or département), largest first.</summary>
    public IReadOnlyList<(string Key, int Count)> CountBy(Func<FreshnessItem, string> key) =>
        [.. Items.GroupBy(key).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal)];
}
