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
    public static IEnumerable<Diagnostic> Find(IReadOnlyList<Offer> offers, ReferentialSet referentials)
    {
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(referentials);
        var territories = referentials.Territories;
        var titles = TitleWords.Of(offers);
        var reported = new HashSet<(string, string)>();

        // Same porteur: near-identical titles on an overlapping territory. Overlapping zones share a
        // département (or « france »): grouping by porteur and département keeps the groups small
        // (one porteur can carry a third of a national catalogue) and finds exactly the same pairs.
        var departements = offers.Select(o => DepartementsOf(o, territories)).ToArray();
        var byPorteur = GroupsInOrder(offers.SelectMany((o, i) => departements[i].Select(d => (Key: o.Porteur + "|" + d, Index: i))));
        var porteurRank = Ranks(offers.Select(o => o.Porteur));
        // Reported in a stable order whatever the grouping: porteur (first seen first), then file order.
        foreach (var (a, b) in titles.SimilarPairs(byPorteur, TitleSimilarity).Distinct().OrderBy(p => (porteurRank[offers[p.A].Porteur], p.A, p.B)))
        {
            if (ZonesOverlap(offers[a], offers[b], territories) && reported.Add(Key(offers[a], offers[b])))
            {
                yield return Warn(offers[a], offers[b], "titre presque identique, même porteur et même territoire");
            }
        }

        // Same contact (phone or email), a shared thématique and a close title, on a shared département:
        // grouped by all three (a national number such as 3949 is shared by thousands of offers).
        var byContact = GroupsInOrder(offers.SelectMany((o, i) => ContactKeys(o)
            .SelectMany(k => o.Thematiques.Distinct(StringComparer.Ordinal).SelectMany(t => departements[i].Select(d => (Key: k + "|" + t + "|" + d, Index: i))))));
        var contactRank = Ranks(offers.SelectMany(ContactKeys));
        foreach (var (a, b) in titles.SimilarPairs(byContact, ContactTitleSimilarity).Distinct()
            .OrderBy(p => (ContactKeys(offers[p.A]).Intersect(ContactKeys(offers[p.B]), StringComparer.Ordinal).Min(k => contactRank[k]), p.A, p.B)))
        {
            var (x, y) = (offers[a], offers[b]);
            // Shared national numbers (115, 3949) are normal across territories: require overlap.
            if (x.Thematiques.Intersect(y.Thematiques, StringComparer.Ordinal).Any()
                && ZonesOverlap(x, y, territories)
                && reported.Add(Key(x, y)))
            {
                yield return Warn(x, y, "même contact, même thématique et titre proche");
            }
        }
    }

    /// <summary>The offers' indices grouped by key, groups in order of first appearance, each without repeats.</summary>
    private static List<List<int>> GroupsInOrder(IEnumerable<(string Key, int Index)> keyed)
    {
        var groups = new List<List<int>>();
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (key, index) in keyed)
        {
            if (!byKey.TryGetValue(key, out var group))
            {
                byKey[key] = group = [];
                groups.Add(group);
            }

            if (group.Count == 0 || group[^1] != index)
            {
                group.Add(index);
            }
        }

        return groups;
    }

    private static IEnumerable<string> ContactKeys(Offer offer)
    {
        if (offer.Contact?.Telephone is { } telephone)
        {
            yield return "tel:" + new string([.. telephone.Where(char.IsDigit)]);
        }

        if (offer.Contact?.Courriel is { } courriel)
        {
            yield return courriel.ToLowerInvariant();
        }
    }

    private static (string, string) Key(Offer a, Offer b) => string.CompareOrdinal(a.Id, b.Id) < 0 ? (a.Id, b.Id) : (b.Id, a.Id);

    private static Diagnostic Warn(Offer a, Offer b, string reason)
    {
        var (first, second) = string.CompareOrdinal(a.SourcePath, b.SourcePath) < 0 ? (a, b) : (b, a);
        return new Diagnostic(DiagnosticCodes.ProbableDuplicate, DiagnosticSeverity.Warning, second.SourcePath, 1, 1,
            $"Doublon probable de {first.SourcePath} ({reason}) : fusionnez les deux offres ou différenciez leurs titres.");
    }

    /// <summary>Each distinct key's position of first appearance.</summary>
    private static Dictionary<string, int> Ranks(IEnumerable<string> keys)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            ranks.TryAdd(key, ranks.Count);
        }

        return ranks;
    }

    private static string[] DepartementsOf(Offer offer, Territories territories) =>
        [.. offer.ZoneEligibilite.Select(z => territories.DepartementOf(z) ?? z).Distinct(StringComparer.Ordinal)];

    private static bool ZonesOverlap(Offer a, Offer b, Territories territories)
    {
        var da = a.ZoneEligibilite.Select(z => territories.DepartementOf(z) ?? z).ToHashSet(StringComparer.Ordinal);
        return b.ZoneEligibilite.Any(z => da.Contains(territories.DepartementOf(z) ?? z));
    }

    /// <summary>The title words of every offer, each sorted rarest first (one global order).</summary>
    private sealed class TitleWords
    {
        private readonly string[][] _words;

        private TitleWords(string[][] words) => _words = words;

        public static TitleWords Of(IReadOnlyList<Offer> offers)
        {
            var sets = offers.Select(o => TextNormalizer.Words(o.Titre)).ToArray();
            var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var word in sets.SelectMany(s => s))
            {
                frequency[word] = frequency.GetValueOrDefault(word) + 1;
            }

            return new TitleWords([.. sets.Select(s => s.OrderBy(w => frequency[w]).ThenBy(w => w, StringComparer.Ordinal).ToArray())]);
        }

        /// <summary>
        /// Pairs (earlier, later) of offers of the same group whose titles have a similarity of at
        /// least <paramref name="threshold"/>, in group order then position order.
        /// </summary>
        public IEnumerable<(int A, int B)> SimilarPairs(List<List<int>> groups, double threshold)
        {
            foreach (var group in groups)
            {
                var found = new List<(int I, int J)>();
                var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                var seen = new HashSet<int>();
                for (var j = 0; j < group.Count; j++)
                {
                    var words = _words[group[j]];
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
                            if (seen.Add(i) && Similarity(_words[group[i]], words) >= threshold)
                            {
                                found.Add((i, j));
                            }
                        }

                        earlier.Add(j);
                    }
                }

                found.Sort();
                foreach (var (i, j) in found)
                {
                    yield return (group[i], group[j]);
                }
            }
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
}
