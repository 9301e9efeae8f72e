using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Annuaire.Search.Facets;

/// <summary>
/// Counts, for every matching document, the values of some <c>SortedSetDocValues</c> fields:
/// facets on core Lucene. Counts per segment ordinal, resolved to strings at segment end.
/// </summary>
internal sealed class FacetCountCollector : ICollector
{
    private readonly string[] _fields;
    private readonly Dictionary<string, int>[] _totals;
    private SortedSetDocValues?[] _values = [];
    private int[][] _ordCounts = [];

    public FacetCountCollector(IReadOnlyList<string> fields)
    {
        _fields = [.. fields];
        _totals = [.. fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
    }

    public bool AcceptsDocsOutOfOrder => true;

    /// <summary>Counts by value for <paramref name="field"/> (after <see cref="Finish"/>).</summary>
    public IReadOnlyDictionary<string, int> Counts(string field) => _totals[Array.IndexOf(_fields, field)];

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _values = [.. _fields.Select(f => (SortedSetDocValues?)context.AtomicReader.GetSortedSetDocValues(f))];
        _ordCounts = [.. _values.Select(v => v is null ? [] : new int[v.ValueCount])];
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            var values = _values[i];
            if (values is null)
            {
                continue;
            }

            values.SetDocument(doc);
            long ord;
            var counts = _ordCounts[i];
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                counts[ord]++;
            }
        }
    }

    /// <summary>Resolves the last segment's ordinals; call once after searching.</summary>
    public void Finish() => Flush();

    private void Flush()
    {
        var term = new BytesRef();
        for (var i = 0; i < _values.Length; i++)
        {
            var values = _values[i];
            if (values is null)
            {
                continue;
            }

            var counts = _ordCounts[i];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0)
                {
                    continue;
                }

                values.LookupOrd(ord, term);
                var key = term.Utf8ToString();
                _totals[i][key] = _totals[i].GetValueOrDefault(key) + counts[ord];
            }
        }

        _values = [];
        _ordCounts = [];
    }
}
