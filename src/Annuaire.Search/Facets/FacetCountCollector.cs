using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Annuaire.Search.Facets;

/// <summary>
/// Counts the facet values of every matching document from the generation's
/// <see cref="FacetOrdinals"/> rows: facets on core Lucene, without Lucene.Net.Facet.
/// </summary>
internal sealed class FacetCountCollector : ICollector
{
    private readonly FacetOrdinals _ordinals;
    private readonly int[] _starts;
    private readonly int[] _codes;
    private readonly int[][] _counts;
    private readonly bool _everyField;
    private readonly bool[] _counted;
    private int _docBase;

    /// <param name="ordinals">The generation's facet rows.</param>
    /// <param name="fields">The fields counted (the others of a row are skipped).</param>
    public FacetCountCollector(FacetOrdinals ordinals, IReadOnlyList<string> fields)
    {
        _ordinals = ordinals;
        _starts = ordinals.Starts;
        _codes = ordinals.Codes;
        _counts = [.. ordinals.Values.Select(v => new int[v.Length])];
        _counted = new bool[ordinals.Fields.Count];
        foreach (var field in fields)
        {
            _counted[ordinals.FieldNumber(field)] = true;
        }

        _everyField = _counted.All(c => c);
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc)
    {
        var global = _docBase + doc;
        var codes = _codes;
        var end = _starts[global + 1];
        if (_everyField)
        {
            for (var i = _starts[global]; i < end; i++)
            {
                var code = codes[i];
                _counts[FacetOrdinals.FieldOf(code)][FacetOrdinals.ValueOf(code)]++;
            }

            return;
        }

        for (var i = _starts[global]; i < end; i++)
        {
            var code = codes[i];
            var field = FacetOrdinals.FieldOf(code);
            if (_counted[field])
            {
                _counts[field][FacetOrdinals.ValueOf(code)]++;
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
            for (var value = 0; value < counts.Length; value++)
            {
                counts[value] += more[value];
            }
        }
    }

    /// <summary>Counts by value for <paramref name="field"/>, one of the fields counted (values with a zero count are left out).</summary>
    public IReadOnlyDictionary<string, int> Counts(string field)
    {
        var f = _ordinals.FieldNumber(field);
        if (!_counted[f])
        {
            throw new ArgumentException($"Field {field} is not counted by this collector.", nameof(field));
        }

        var counts = _counts[f];
        var values = _ordinals.Values[f];
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var value = 0; value < counts.Length; value++)
        {
            if (counts[value] > 0)
            {
                result[values[value]] = counts[value];
            }
        }

        return result;
    }
}
