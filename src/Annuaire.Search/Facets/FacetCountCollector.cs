using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Annuaire.Search.Facets;

/// <summary>
/// Counts the facet values of every matching document from the generation's
/// <see cref="FacetOrdinals"/>: facets on core Lucene, without Lucene.Net.Facet.
/// </summary>
internal sealed class FacetCountCollector : ICollector
{
    private readonly string[] _fields;
    private readonly FacetOrdinals.Column[] _columns;
    private readonly int[][] _counts;
    private int _docBase;

    public FacetCountCollector(FacetOrdinals ordinals, IReadOnlyList<string> fields)
    {
        _fields = [.. fields];
        _columns = [.. fields.Select(f => ordinals[f])];
        _counts = [.. _columns.Select(c => new int[c.Values.Length])];
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc)
    {
        var global = _docBase + doc;
        for (var f = 0; f < _columns.Length; f++)
        {
            var column = _columns[f];
            var counts = _counts[f];
            for (int i = column.Starts[global], end = column.Starts[global + 1]; i < end; i++)
            {
                counts[column.Ords[i]]++;
            }
        }
    }

    /// <summary>Adds the counts of <paramref name="other"/> (same fields, another part of the same pass).</summary>
    public void Add(FacetCountCollector other)
    {
        for (var f = 0; f < _counts.Length; f++)
        {
            var counts = _counts[f];
            var more = other._counts[f];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                counts[ord] += more[ord];
            }
        }
    }

    /// <summary>Counts by value for <paramref name="field"/> (values with a zero count are left out).</summary>
    public IReadOnlyDictionary<string, int> Counts(string field)
    {
        var f = Array.IndexOf(_fields, field);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var ord = 0; ord < _counts[f].Length; ord++)
        {
            if (_counts[f][ord] > 0)
            {
                result[_columns[f].Values[ord]] = _counts[f][ord];
            }
        }

        return result;
    }
}
