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
    public static IEnumerable<Diagnostic> Find(IReadOnlyList<Offer> offers, ReferentialSet referentials) =>
        Find(offers, referentials, previous: null, new DuplicateCache());

    /// <summary>
    /// <see cref="Find(IReadOnlyList{Offer}, ReferentialSet)"/>, recomputing only the groups whose
    /// offers changed since <paramref name="previous"/> (same offer objects, same order: same
    /// candidate pairs), and recording every group in <paramref name="next"/>.
    /// </summary>
    internal static IEnumerable<Diagnostic> Find(IReadOnlyList<Offer> offers, ReferentialSet referentials, DuplicateCache? previous, DuplicateCache next)
    {
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(referentials);
        var territories = referentials.Territories;
        var titles = new TitleWords(offers);
        var indexOf = new Dictionary<Offer, int>(offers.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < offers.Count; i++)
        {
            indexOf.TryAdd(offers[i], i);
        }

        IEnumerable<(int A, int B)> SimilarPairs(string rule, List<(string Key, List<int> Members)> groups, double threshold)
        {
            foreach (var (key, members) in groups)
            {
                var group = members.Select(i => offers[i]).ToArray();
                var pairs = previous is not null && previous.Groups.TryGetValue(rule + key, out var known) && known.Members.SequenceEqual(group, ReferenceEqualityComparer.Instance)
                    ? known.Pairs
                    : [.. titles.SimilarPairs(members, threshold).Select(p => (offers[p.A], offers[p.B]))];
                next.Groups[rule + key] = (group, pairs);
                foreach (var (a, b) in pairs)
                {
                    yield return (indexOf[a], indexOf[b]);
                }
            }
        }

        var reported = new HashSet<(string, string)>();

        // Same porteur: near-identical titles on an overlapping territory. Overlapping zones share a
        // département (or « france »): grouping by porteur and département keeps the groups small
        // (one porteur can carry a third of a national catalogue) and finds exactly the same pairs.
        var departements = offers.Select(o => DepartementsOf(o, territories)).ToArray();
        var byPorteur = GroupsInOrder(offers.SelectMany((o, i) => departements[i].Select(d => (Key: (o.Porteur, d, string.Empty), Index: i))));
        var porteurRank = Ranks(offers.Select(o => o.Porteur));
        // Reported in a stable order whatever the grouping: porteur (first seen first), then file order.
        foreach (var (a, b) in SimilarPairs("p:", byPorteur, TitleSimilarity).Distinct().OrderBy(p => (porteurRank[offers[p.A].Porteur], p.A, p.B)))
        {
            if (ZonesOverlap(offers[a], offers[b], territories) && reported.Add(Key(offers[a], offers[b])))
            {
                yield return Warn(offers[a], offers[b], "titre presque identique, même porteur et même territoire");
            }
        }

        // Same contact (phone or email), a shared thématique and a close title, on a shared département:
        // grouped by all three (a national number such as 3949 is shared by thousands of offers).
        var contacts = offers.Select(o => ContactKeys(o).ToArray()).ToArray();
        var byContact = GroupsInOrder(offers.SelectMany((o, i) => contacts[i]
            .SelectMany(k => o.Thematiques.Distinct(StringComparer.Ordinal).SelectMany(t => departements[i].Select(d => (Key: (k, t, d), Index: i))))));
        var contactRank = Ranks(contacts.SelectMany(k => k));
        foreach (var (a, b) in SimilarPairs("c:", byContact, ContactTitleSimilarity).Distinct()
            .OrderBy(p => (contacts[p.A].Intersect(contacts[p.B], StringComparer.Ordinal).Min(k => contactRank[k]), p.A, p.B)))
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

    /// <summary>
    /// The offers' indices grouped by key, groups of two offers or more in order of first
    /// appearance, each without repeats, named by their key parts joined with « | ». Keys are
    /// tuples of strings the offers already hold and singletons are only counted: a reload of a
    /// national catalogue builds no string and no list for the hundred thousand groups of one.
    /// </summary>
    private static List<(string Key, List<int> Members)> GroupsInOrder(IEnumerable<((string, string, string) Key, int Index)> keyed)
    {
        // One pass: a key seen once only remembers where (no list); its second offer makes the group.
        var seen = new Dictionary<(string, string, string), (int First, List<int>? Members)>();
        var groups = new List<((string, string, string) Key, List<int> Members)>();
        foreach (var (key, index) in keyed)
        {
            ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(seen, key, out var exists);
            if (!exists)
            {
                entry = (index, null);
            }
            else if (entry.Members is null)
            {
                if (entry.First != index)
                {
                    entry.Members = [entry.First, index];
                    groups.Add((key, entry.Members));
                }
            }
            else if (entry.Members[^1] != index)
            {
                entry.Members.Add(index);
            }
        }

        // In order of first appearance (a group is found at its second offer).
        return [.. groups.OrderBy(g => g.Members[0]).Select(g => (g.Key.Item3.Length == 0 ? g.Key.Item1 + "|" + g.Key.Item2 : g.Key.Item1 + "|" + g.Key.Item2 + "|" + g.Key.Item3, g.Members))];
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

    /// <summary>The title words of the offers, read when a group needs them (a reload reuses most groups).</summary>
    private sealed class TitleWords(IReadOnlyList<Offer> offers)
    {
        private readonly string[]?[] _words = new string[offers.Count][];

        private string[] Of(int offer) => _words[offer] ??= [.. TextNormalizer.Words(offers[offer].Titre)];

        /// <summary>
        /// Pairs (earlier, later) of offers of one group whose titles have a similarity of at least
        /// <paramref name="threshold"/>, in position order. Each title's words are sorted rarest
        /// first within the group: any order shared by the group keeps the prefix filter exact.
        /// </summary>
        public IEnumerable<(int A, int B)> SimilarPairs(List<int> group, double threshold)
        {
            var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var word in group.SelectMany(Of))
            {
                frequency[word] = frequency.GetValueOrDefault(word) + 1;
            }

            var sorted = group.Select(i => Of(i).OrderBy(w => frequency[w]).ThenBy(w => w, StringComparer.Ordinal).ToArray()).ToArray();
            var found = new List<(int I, int J)>();
            var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var seen = new HashSet<int>();
            for (var j = 0; j < group.Count; j++)
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
            foreach (var (i, j) in found)
            {
                yield return (group[i], group[j]);
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

/// <summary>What <see cref="DuplicateDetector"/> found in each group of offers, kept by a catalogue for the next load.</summary>
internal sealed class DuplicateCache
{
    /// <summary>By rule and group key: the group's offers in order and the title-similar pairs among them.</summary>
    public Dictionary<string, (Offer[] Members, (Offer A, Offer B)[] Pairs)> Groups { get; } = new(StringComparer.Ordinal);
}
