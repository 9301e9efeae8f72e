using Annuaire.Content.Referentials;
using Annuaire.Content.Text;

namespace Annuaire.Web.Services;

/// <summary>
/// The synonym groups of the referentials being served, parsed once per referential set instead of
/// once per search page (parsing the file was a twentieth of the page's allocations).
/// </summary>
public sealed class SynonymGroupsCache
{
    private Entry? _last;

    /// <summary>The groups of <paramref name="referentials"/> (none without referentials).</summary>
    public SynonymGroups For(ReferentialSet? referentials)
    {
        if (referentials is null)
        {
            return SynonymGroups.Empty;
        }

        var last = Volatile.Read(ref _last);
        if (last is not null && ReferenceEquals(last.Referentials, referentials))
        {
            return last.Groups;
        }

        // Two requests racing after a reload may both parse: the same immutable result either way.
        var entry = new Entry(referentials, SynonymGroups.Parse(referentials.Synonyms));
        Volatile.Write(ref _last, entry);
        return entry.Groups;
    }

    private sealed record Entry(ReferentialSet Referentials, SynonymGroups Groups);
}
