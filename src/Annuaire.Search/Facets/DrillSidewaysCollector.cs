using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Annuaire.Search.Facets;

/// <summary>
/// Counts facets of every dimension in one pass over the documents the text matches, whatever
/// the number of active filters: a document passing every filter is a hit (handed to
/// the hits collector) and counted for every dimension; one missing exactly one filter is
/// counted for that filter's dimensions only, which is what choosing another value of that
/// filter would give (« drill sideways »). Documents missing two filters are skipped.
/// </summary>
internal sealed class DrillSidewaysCollector : ICollector
{
    private readonly ICollector _hits;
    private readonly DocSet[] _filters;
    private readonly FacetCountCollector _all;
    private readonly FacetCountCollector[] _sideways;
    private readonly int[] _nearMisses;
    private int _leaf;

    /// <param name="hits">Receives the documents passing every filter (top documents, total).</param>
    /// <param name="filters">The active filters.</param>
    /// <param name="all">Counts the hits.</param>
    /// <param name="sideways">For each filter, counts the documents missing only that filter.</param>
    public DrillSidewaysCollector(ICollector hits, IReadOnlyList<DocSet> filters, FacetCountCollector all, IReadOnlyList<FacetCountCollector> sideways)
    {
        _hits = hits;
        _filters = [.. filters];
        _all = all;
        _sideways = [.. sideways];
        _nearMisses = new int[_filters.Length];
    }

    /// <summary>For each filter, how many documents miss only that one (the results without it, when there are no hits).</summary>
    public IReadOnlyList<int> NearMisses => _nearMisses;

    /// <summary>Adds the near misses of <paramref name="other"/> (same filters, another part of the same pass).</summary>
    public void Add(DrillSidewaysCollector other)
    {
        for (var f = 0; f < _nearMisses.Length; f++)
        {
            _nearMisses[f] += other._nearMisses[f];
        }
    }

    public bool AcceptsDocsOutOfOrder => _hits.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => _hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        _leaf = context.Ord;
        _hits.SetNextReader(context);
        _all.SetNextReader(context);
        foreach (var sideways in _sideways)
        {
            sideways.SetNextReader(context);
        }
    }

    public void Collect(int doc)
    {
        var missed = -1;
        for (var f = 0; f < _filters.Length; f++)
        {
            if (!_filters[f].Contains(_leaf, doc))
            {
                if (missed >= 0)
                {
                    return;
                }

                missed = f;
            }
        }

        if (missed >= 0)
        {
            _nearMisses[missed]++;
            _sideways[missed].Collect(doc);
            return;
        }

        _hits.Collect(doc);
        _all.Collect(doc);
        for (var f = 0; f < _sideways.Length; f++)
        {
            _sideways[f].Collect(doc);
        }
    }
}
