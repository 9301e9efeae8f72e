using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Annuaire.Search.Facets;

/// <summary>
/// The facet values of every document, read once per index generation from the
/// <c>SortedSetDocValues</c> fields into flat arrays (compressed-row layout): counting a hit is
/// then a few array reads instead of a doc-values lookup per field.
/// </summary>
internal sealed class FacetOrdinals
{
    private readonly Dictionary<string, Column> _columns;

    private FacetOrdinals(Dictionary<string, Column> columns) => _columns = columns;

    /// <summary>One field: for document d, its value ordinals are Ords[Starts[d]..Starts[d+1]).</summary>
    internal sealed record Column(int[] Starts, int[] Ords, string[] Values);

    /// <summary>The column of a field.</summary>
    public Column this[string field] => _columns[field];

    /// <summary>Reads the fields from every segment of <paramref name="reader"/>.</summary>
    public static FacetOrdinals Load(IndexReader reader, IReadOnlyList<string> fields)
    {
        var columns = new Dictionary<string, Column>(StringComparer.Ordinal);
        var term = new BytesRef();
        foreach (var field in fields)
        {
            var starts = new int[reader.MaxDoc + 1];
            var ords = new List<int>(reader.MaxDoc * 2);
            var valueIds = new Dictionary<string, int>(StringComparer.Ordinal);
            var values = new List<string>();
            foreach (var leaf in reader.Leaves)
            {
                var docValues = leaf.AtomicReader.GetSortedSetDocValues(field);
                var segmentToGlobal = new int[docValues?.ValueCount ?? 0];
                for (var ord = 0; ord < segmentToGlobal.Length; ord++)
                {
                    docValues!.LookupOrd(ord, term);
                    var value = term.Utf8ToString();
                    if (!valueIds.TryGetValue(value, out var id))
                    {
                        id = values.Count;
                        valueIds[value] = id;
                        values.Add(value);
                    }

                    segmentToGlobal[ord] = id;
                }

                for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
                {
                    var global = leaf.DocBase + doc;
                    starts[global] = ords.Count;
                    if (docValues is null)
                    {
                        continue;
                    }

                    docValues.SetDocument(doc);
                    long ord;
                    while ((ord = docValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                    {
                        ords.Add(segmentToGlobal[ord]);
                    }
                }
            }

            starts[reader.MaxDoc] = ords.Count;
            columns[field] = new Column(starts, [.. ords], [.. values]);
        }

        return new FacetOrdinals(columns);
    }
}
