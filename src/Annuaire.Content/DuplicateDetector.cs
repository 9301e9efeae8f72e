using Annuaire.Content.Diagnostics;
using Annuaire.Content.Model;
using Annuaire.Content.Referentials;

namespace Annuaire.Content;

/// <summary>
/// Warns about probable duplicates so two editors do not add the same offer twice: near-identical
/// titles with the same porteur and an overlapping territory, or the same contact and thématique
/// on an overlapping territory.
/// </summary>
/// <remarks>
/// Titles are never compared pairwise inside a group (one porteur can carry a third of a national
/// catalogue): candidate pairs come from an inverted index on the rarest words of each title
/// (prefix filtering), which finds every pair whose word-set similarity can reach the threshold,
/// and only those candidates are checked with the exact rules.
/// </remarks>
public static class DuplicateDetector
{
    /// <summary>Word-set similarity above which two titles are "near-identical".</summary>
    public const double TitleSimilarity = 0.8;

    /// <summary>Word-set similarity of titles required, on top of a shared contact and thématique.</summary>
    public const double ContactTitleSimilarity = 0.5;

    /// <summary>One warning per probable duplicate pair, on the later file.</summary>
    /// <param name="offers">The offers, ordered by id as a <see cref="ContentCatalog"/> holds them (any other order is sorted first).</param>
    /// <param name="referentials">The territories the zones are read with.</param>
    public static IEnumerable<Diagnostic> Find(IReadOnlyList<Offer> offers, ReferentialSet referentials)
    {
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(referentials);
        var ordered = offers.Zip(offers.Skip(1)).All(p => string.CompareOrdinal(p.First.Id, p.Second.Id) < 0)
            ? offers
            : [.. offers.OrderBy(o => o.Id, StringComparer.Ordinal)];
        return Find(ordered, referentials, reuse: null, out _);
    }

    /// <summary>
    /// <see cref="Find(IReadOnlyList{Offer}, ReferentialSet)"/> on offers ordered by id (unique),
    /// bringing <paramref name="reuse"/> (the groups of an earlier call with the same referentials,
    /// handed over: it is updated in place) to <paramref name="offers"/> by moving only the offers
    /// that are new, gone or another object, instead of grouping the whole catalogue again. The
    /// warnings are exactly those of a fresh call.
    /// </summary>
    /// <param name="offers">The offers, ordered by id, ids unique.</param>
    /// <param name="referentials">The territories the zones are read with.</param>
    /// <param name="reuse">The index of an earlier call, or null.</param>
    /// <param name="index">The groups of <paramref name="offers"/>, to hand to the next call.</param>
    internal static List<Diagnostic> Find(IReadOnlyList<Offer> offers, ReferentialSet referentials, DuplicateIndex? reuse, out DuplicateIndex index)
    {
        index = reuse is not null && ReferenceEquals(reuse.Referentials, referentials) ? reuse : new DuplicateIndex(referentials);
        index.Update(offers);
        return index.Warnings();
    }

    /// <summary>The contact keys of an offer: its phone number's digits, then its email in lower case.</summary>
    internal static string[] ContactKeys(Offer offer)
    {
        var telephone = offer.Contact?.Telephone;
        var courriel = offer.Contact?.Courriel;
        return (telephone, courriel) switch
        {
            (null, null) => [],
            (not null, null) => ["tel:" + new string([.. telephone.Where(char.IsDigit)])],
            (null, not null) => [courriel.ToLowerInvariant()],
            _ => ["tel:" + new string([.. telephone.Where(char.IsDigit)]), courriel.ToLowerInvariant()],
        };
    }

    /// <summary>The départements of an offer's zones (a zone that is none, such as « france », counts as itself), without repeats.</summary>
    internal static string[] DepartementsOf(Offer offer, Territories territories) =>
        [.. offer.ZoneEligibilite.Select(z => territories.DepartementOf(z) ?? z).Distinct(StringComparer.Ordinal)];

    internal static bool ZonesOverlap(Offer a, Offer b, Territories territories)
    {
        var da = a.ZoneEligibilite.Select(z => territories.DepartementOf(z) ?? z).ToHashSet(StringComparer.Ordinal);
        return b.ZoneEligibilite.Any(z => da.Contains(territories.DepartementOf(z) ?? z));
    }

    internal static Diagnostic Warn(Offer a, Offer b, string reason)
    {
        var (first, second) = string.CompareOrdinal(a.SourcePath, b.SourcePath) < 0 ? (a, b) : (b, a);
        return new Diagnostic(DiagnosticCodes.ProbableDuplicate, DiagnosticSeverity.Warning, second.SourcePath, 1, 1,
            $"Doublon probable de {first.SourcePath} ({reason}) : fusionnez les deux offres ou différenciez leurs titres.");
    }

    /// <summary>
    /// Pairs (earlier, later) of positions in <paramref name="titles"/> (the title words of one
    /// group, in order) whose similarity is at least <paramref name="threshold"/>, in position
    /// order. Each title's words are sorted rarest first within the group: any order shared by the
    /// group keeps the prefix filter exact.
    /// </summary>
    internal static List<(int A, int B)> SimilarPairs(IReadOnlyList<string[]> titles, double threshold)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in titles.SelectMany(t => t))
        {
            frequency[word] = frequency.GetValueOrDefault(word) + 1;
        }

        var sorted = titles.Select(t => t.OrderBy(w => frequency[w]).ThenBy(w => w, StringComparer.Ordinal).ToArray()).ToArray();
        var found = new List<(int I, int J)>();
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var seen = new HashSet<int>();
        for (var j = 0; j < sorted.Length; j++)
        {
            var words = sorted[j];
            var prefix = PrefixLength(words.Length, threshold);
            seen.Clear();
            for (var w = 0; w < prefix; w++)
            {
                if (!postings.TryGetValue(words[w], out var earlier))
                {
                    postings[words[w]] = earlier = [];
                }

                foreach (var i in earlier)
                {
                    if (seen.Add(i) && Similarity(sorted[i], words) >= threshold)
                    {
                        found.Add((i, j));
                    }
                }

                earlier.Add(j);
            }
        }

        found.Sort();
        return found;
    }

    /// <summary>
    /// Two sets with a similarity of at least t share at least ⌈t·|x|⌉ words, so they share one
    /// of the first |x| − ⌈t·|x|⌉ + 1 words of each in any common order. The epsilon only
    /// lengthens the prefix (more candidates, never fewer) when t·|x| is an integer.
    /// </summary>
    private static int PrefixLength(int count, double threshold) =>
        count == 0 ? 0 : Math.Min(count, count - (int)Math.Ceiling((threshold * count) - 1e-9) + 1);

    private static double Similarity(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Length + b.Length - shared);
    }
}
