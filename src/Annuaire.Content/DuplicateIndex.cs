using Annuaire.Content.Diagnostics;
using Annuaire.Content.Model;
using Annuaire.Content.Referentials;
using Annuaire.Content.Text;

namespace Annuaire.Content;

/// <summary>
/// The groups <see cref="DuplicateDetector"/> compares titles in (porteur × département; contact ×
/// thématique × département), kept from one load to the next: a reload moves only the offers that
/// changed between groups and compares titles again only in the groups they left or joined, so a
/// one-file edit costs the same at 100 offers as at 100,000. Not thread-safe; a load hands it over
/// to the next one (<see cref="DuplicateCache"/>).
/// </summary>
internal sealed class DuplicateIndex
{
    private const string SamePorteur = "titre presque identique, même porteur et même territoire";
    private const string SameContact = "même contact, même thématique et titre proche";

    private readonly Dictionary<string, Entry> _offers = new(StringComparer.Ordinal);
    private readonly Rule _porteur = new(DuplicateDetector.TitleSimilarity);
    private readonly Rule _contact = new(DuplicateDetector.ContactTitleSimilarity);

    // The ids carrying each porteur and each contact key: their smallest id orders the warnings
    // (porteur or contact first seen in the catalogue first), as a full pass over the catalogue would.
    private readonly Dictionary<string, SortedSet<string>> _porteurIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _contactIds = new(StringComparer.Ordinal);

    // Title words and contact keys repeat across offers: one instance each (kept with the index).
    private readonly StringPool _strings = new();

    public DuplicateIndex(ReferentialSet referentials) => Referentials = referentials;

    /// <summary>The referentials the zones were read with (others mean a new index).</summary>
    public ReferentialSet Referentials { get; }

    /// <summary>
    /// Brings the groups to <paramref name="offers"/> (ordered by id, ids unique): an offer whose id
    /// is gone or whose object changed leaves its groups, a new or changed one joins its groups.
    /// </summary>
    public void Update(IReadOnlyList<Offer> offers)
    {
        foreach (var offer in offers)
        {
            if (_offers.TryGetValue(offer.Id, out var known))
            {
                if (ReferenceEquals(known.Offer, offer))
                {
                    continue;
                }

                Remove(known);
            }

            Add(offer);
        }

        if (_offers.Count > offers.Count)
        {
            // Some ids are gone: find them (only then is the whole catalogue looked at again).
            var present = offers.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _offers.Values.Where(e => !present.Contains(e.Offer.Id)).ToList())
            {
                Remove(gone);
            }
        }
    }

    /// <summary>The warnings of the current offers, in the order of a full pass (porteur rule, then contact rule).</summary>
    public List<Diagnostic> Warnings()
    {
        var territories = Referentials.Territories;
        var warnings = new List<Diagnostic>();
        var reported = new HashSet<(string, string)>();
        foreach (var (a, b) in _porteur.Pairs().OrderBy(p => _porteurIds[p.A.Porteur].Min, StringComparer.Ordinal).ThenBy(p => p.A.Id, StringComparer.Ordinal).ThenBy(p => p.B.Id, StringComparer.Ordinal))
        {
            if (DuplicateDetector.ZonesOverlap(a, b, territories) && reported.Add((a.Id, b.Id)))
            {
                warnings.Add(DuplicateDetector.Warn(a, b, SamePorteur));
            }
        }

        foreach (var (a, b) in _contact.Pairs().OrderBy(SharedContactRank).ThenBy(p => p.A.Id, StringComparer.Ordinal).ThenBy(p => p.B.Id, StringComparer.Ordinal))
        {
            // Shared national numbers (115, 3949) are normal across territories: require overlap.
            if (a.Thematiques.Intersect(b.Thematiques, StringComparer.Ordinal).Any()
                && DuplicateDetector.ZonesOverlap(a, b, territories)
                && reported.Add((a.Id, b.Id)))
            {
                warnings.Add(DuplicateDetector.Warn(a, b, SameContact));
            }
        }

        return warnings;
    }

    /// <summary>
    /// Where the first contact key the two offers share appears first in the catalogue: the smallest
    /// id carrying it, then its place among that offer's keys (phone before email).
    /// </summary>
    private (string Id, int Position) SharedContactRank((Offer A, Offer B) pair)
    {
        var b = _offers[pair.B.Id].ContactKeys;
        return _offers[pair.A.Id].ContactKeys.Where(k => b.Contains(k, StringComparer.Ordinal))
            .Select(k =>
            {
                var first = _contactIds[k].Min!;
                return (first, Array.IndexOf(_offers[first].ContactKeys, k));
            })
            .Min(RankComparer.Instance);
    }

    private void Add(Offer offer)
    {
        var departements = DuplicateDetector.DepartementsOf(offer, Referentials.Territories);
        var contactKeys = DuplicateDetector.ContactKeys(offer).Distinct(StringComparer.Ordinal).Select(_strings.Share).ToArray();
        var entry = new Entry(offer, departements, contactKeys, _strings);
        _offers[offer.Id] = entry;
        Ids(_porteurIds, offer.Porteur).Add(offer.Id);
        foreach (var key in contactKeys)
        {
            Ids(_contactIds, key).Add(offer.Id);
        }

        foreach (var key in PorteurKeys(entry))
        {
            _porteur.Join(key, entry);
        }

        foreach (var key in ContactGroupKeys(entry))
        {
            _contact.Join(key, entry);
        }
    }

    private void Remove(Entry entry)
    {
        var id = entry.Offer.Id;
        _offers.Remove(id);
        Forget(_porteurIds, entry.Offer.Porteur, id);
        foreach (var key in entry.ContactKeys)
        {
            Forget(_contactIds, key, id);
        }

        foreach (var key in PorteurKeys(entry))
        {
            _porteur.Leave(key, entry);
        }

        foreach (var key in ContactGroupKeys(entry))
        {
            _contact.Leave(key, entry);
        }
    }

    private static IEnumerable<(string, string, string)> PorteurKeys(Entry entry) =>
        entry.Departements.Select(d => (entry.Offer.Porteur, d, string.Empty));

    private static IEnumerable<(string, string, string)> ContactGroupKeys(Entry entry) =>
        entry.ContactKeys.SelectMany(k => entry.Offer.Thematiques.Distinct(StringComparer.Ordinal).SelectMany(t => entry.Departements.Select(d => (k, t, d))));

    private static SortedSet<string> Ids(Dictionary<string, SortedSet<string>> ids, string key)
    {
        if (!ids.TryGetValue(key, out var set))
        {
            ids[key] = set = new SortedSet<string>(StringComparer.Ordinal);
        }

        return set;
    }

    private static void Forget(Dictionary<string, SortedSet<string>> ids, string key, string id)
    {
        if (ids.TryGetValue(key, out var set) && set.Remove(id) && set.Count == 0)
        {
            ids.Remove(key);
        }
    }

    /// <summary>An offer with what its groups are derived from; its title words are read when a group needs them.</summary>
    private sealed class Entry(Offer offer, string[] departements, string[] contactKeys, StringPool strings)
    {
        private string[]? _words;

        public Offer Offer { get; } = offer;

        public string[] Departements { get; } = departements;

        public string[] ContactKeys { get; } = contactKeys;

        public string[] Words => _words ??= [.. TextNormalizer.Words(Offer.Titre).Select(strings.Share)];
    }

    /// <summary>
    /// One rule's groups. A group of one holds no list; a group whose members changed compares its
    /// titles again when the pairs are next asked for.
    /// </summary>
    private sealed class Rule(double threshold)
    {
        private readonly Dictionary<(string, string, string), Group> _groups = [];
        private readonly HashSet<Group> _changed = [];
        private readonly HashSet<Group> _withPairs = [];

        public void Join((string, string, string) key, Entry entry)
        {
            if (!_groups.TryGetValue(key, out var group))
            {
                _groups[key] = new Group(entry);
                return;
            }

            group.Insert(entry);
            _changed.Add(group);
        }

        public void Leave((string, string, string) key, Entry entry)
        {
            var group = _groups[key];
            if (group.Remove(entry))
            {
                _groups.Remove(key);
                _withPairs.Remove(group);
                _changed.Remove(group);
                return;
            }

            _changed.Add(group);
        }

        /// <summary>Every title-similar pair (earlier id, later id) of every group, without repeats.</summary>
        public Dictionary<(string, string), (Offer A, Offer B)>.ValueCollection Pairs()
        {
            foreach (var group in _changed)
            {
                group.Compare(threshold);
                if (group.Pairs.Length > 0)
                {
                    _withPairs.Add(group);
                }
                else
                {
                    _withPairs.Remove(group);
                }
            }

            _changed.Clear();
            var pairs = new Dictionary<(string, string), (Offer A, Offer B)>();
            foreach (var (a, b) in _withPairs.SelectMany(g => g.Pairs))
            {
                pairs.TryAdd((a.Id, b.Id), (a, b));
            }

            return pairs.Values;
        }
    }

    /// <summary>The members of one group in id order (a single one without a list) and their similar pairs.</summary>
    private sealed class Group(Entry first)
    {
        private Entry? _single = first;
        private List<Entry>? _members;

        public (Offer A, Offer B)[] Pairs { get; private set; } = [];

        public void Insert(Entry entry)
        {
            if (_members is null)
            {
                _members = [_single!];
                _single = null;
            }

            var at = _members.BinarySearch(entry, IdOrder.Instance);
            _members.Insert(at < 0 ? ~at : at, entry);
        }

        /// <summary>Removes a member; true when the group is left empty.</summary>
        public bool Remove(Entry entry)
        {
            if (_members is null)
            {
                return true;
            }

            _members.RemoveAt(_members.BinarySearch(entry, IdOrder.Instance));
            return _members.Count == 0;
        }

        public void Compare(double threshold)
        {
            Pairs = _members is not { Count: > 1 } members
                ? []
                : [.. DuplicateDetector.SimilarPairs([.. members.Select(m => m.Words)], threshold).Select(p => (members[p.A].Offer, members[p.B].Offer))];
        }
    }

    private sealed class IdOrder : IComparer<Entry>
    {
        public static readonly IdOrder Instance = new();

        public int Compare(Entry? x, Entry? y) => string.CompareOrdinal(x!.Offer.Id, y!.Offer.Id);
    }

    private sealed class RankComparer : IComparer<(string Id, int Position)>
    {
        public static readonly RankComparer Instance = new();

        public int Compare((string Id, int Position) x, (string Id, int Position) y)
        {
            var byId = string.CompareOrdinal(x.Id, y.Id);
            return byId != 0 ? byId : x.Position.CompareTo(y.Position);
        }
    }
}

/// <summary>The <see cref="DuplicateIndex"/> of a catalogue, handed over once to the next load (which updates it in place).</summary>
internal sealed class DuplicateCache(DuplicateIndex index)
{
    private DuplicateIndex? _index = index;

    /// <summary>The index, the first time only: a catalogue loaded again from afterwards starts a new one.</summary>
    public DuplicateIndex? Take() => Interlocked.Exchange(ref _index, null);
}
