using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Annuaire.Search.Facets;

/// <summary>
/// The facet values of every document, read once per index generation from the
/// <c>SortedSetDocValues</c> fields into flat arrays (compressed-row layout): counting a hit is
/// then a few array reads instead of a doc-values lookup per field. A generation that follows
/// another on the same index copies the rows of the segments they share (segments never change)
/// and reads only the new ones.
/// </summary>
internal sealed class FacetOrdinals
{
    private readonly Dictionary<string, Column> _columns;

    /// <summary>Each segment read, by its core: where its documents start in the arrays.</summary>
    private readonly Dictionary<object, int> _docBases;

    private FacetOrdinals(Dictionary<string, Column> columns, Dictionary<object, int> docBases) => (_columns, _docBases) = (columns, docBases);

    /// <summary>One field: for document d, its value ordinals are Ords[Starts[d]..Starts[d+1]).</summary>
    internal sealed record Column(int[] Starts, int[] Ords, string[] Values);

    /// <summary>The column of a field.</summary>
    public Column this[string field] => _columns[field];

    /// <summary>
    /// Reads the fields from every segment of <paramref name="reader"/>, copying the segments
    /// <paramref name="previous"/> already read (its values keep their numbers; a value no longer
    /// used only counts zero).
    /// </summary>
    public static FacetOrdinals Load(IndexReader reader, IReadOnlyList<string> fields, FacetOrdinals? previous = null)
    {
        var columns = new Dictionary<string, Column>(StringComparer.Ordinal);
        var docBases = reader.Leaves.ToDictionary(l => l.AtomicReader.CoreCacheKey, l => l.DocBase);
        var term = new BytesRef();
        foreach (var field in fields)
        {
            var known = previous?._columns[field];
            var starts = new int[reader.MaxDoc + 1];
            var ords = new List<int>(known?.Ords.Length + 16 ?? reader.MaxDoc * 2);
            var values = new List<string>(known?.Values ?? []);
            Dictionary<string, int>? valueIds = null;
            foreach (var leaf in reader.Leaves)
            {
                var segment = leaf.AtomicReader;
                if (known is not null && previous!._docBases.TryGetValue(segment.CoreCacheKey, out var before))
                {
                    // Same segment core, same documents and values: shift its rows into place.
                    var shift = ords.Count - known.Starts[before];
                    for (var doc = 0; doc < segment.MaxDoc; doc++)
                    {
                        starts[leaf.DocBase + doc] = known.Starts[before + doc] + shift;
                    }

                    ords.AddRange(known.Ords.AsSpan(known.Starts[before], known.Starts[before + segment.MaxDoc] - known.Starts[before]));
                    continue;
                }

                valueIds ??= values.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i, StringComparer.Ordinal);
                var docValues = segment.GetSortedSetDocValues(field);
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

                for (var doc = 0; doc < segment.MaxDoc; doc++)
                {
                    starts[leaf.DocBase + doc] = ords.Count;
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

        return new FacetOrdinals(columns, docBases);
    }
}
