using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Annuaire.Search.Facets;

/// <summary>
/// The facet values of every document, read once per index generation from the
/// <c>SortedSetDocValues</c> fields into one row per document (compressed-row layout): document
/// d's values, every field together, are <see cref="Codes"/>[<see cref="Starts"/>[d]..<see cref="Starts"/>[d + 1]),
/// each a field's number and the value's number in that field (<see cref="Code"/>). Counting a
/// hit is one run of a few adjacent integers: a column per field meant a cache miss per field
/// and per hit, a fifth of a search. A generation that follows another on the same index copies
/// the rows of the segments they share (segments never change) and reads only the new ones.
/// </summary>
internal sealed class FacetOrdinals
{
    /// <summary>Bits of a code holding the value's number (the field's number is above them).</summary>
    public const int ValueBits = 24;

    private const int ValueMask = (1 << ValueBits) - 1;

    /// <summary>Each segment read, by its core: where its documents start in the rows.</summary>
    private readonly Dictionary<object, int> _docBases;

    private FacetOrdinals(IReadOnlyList<string> fields, string[][] values, int[] starts, int[] codes, Dictionary<object, int> docBases)
    {
        Fields = fields;
        Values = values;
        Starts = starts;
        Codes = codes;
        _docBases = docBases;
    }

    /// <summary>The fields, in the order of their numbers.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>For each field, its values by number.</summary>
    public string[][] Values { get; }

    /// <summary>Where each document's row starts in <see cref="Codes"/> (one more entry than documents).</summary>
    public int[] Starts { get; }

    /// <summary>The rows: each document's value codes, by field then value number.</summary>
    public int[] Codes { get; }

    /// <summary>The code of value <paramref name="value"/> of field <paramref name="field"/> (numbers).</summary>
    public static int Code(int field, int value) => (field << ValueBits) | value;

    /// <summary>The field number of a code.</summary>
    public static int FieldOf(int code) => code >>> ValueBits;

    /// <summary>The value number of a code.</summary>
    public static int ValueOf(int code) => code & ValueMask;

    /// <summary>The number of <paramref name="field"/>.</summary>
    public int FieldNumber(string field)
    {
        for (var f = 0; f < Fields.Count; f++)
        {
            if (string.Equals(Fields[f], field, StringComparison.Ordinal))
            {
                return f;
            }
        }

        throw new ArgumentException($"Not a facet field: {field}.", nameof(field));
    }

    /// <summary>
    /// Reads the fields from every segment of <paramref name="reader"/>, copying the segments
    /// <paramref name="previous"/> (same fields) already read: its values keep their numbers, a
    /// value no longer used only counts zero.
    /// </summary>
    public static FacetOrdinals Load(IndexReader reader, IReadOnlyList<string> fields, FacetOrdinals? previous = null)
    {
        if (fields.Count >= 1 << (31 - ValueBits))
        {
            throw new ArgumentException($"At most {(1 << (31 - ValueBits)) - 1} facet fields.", nameof(fields));
        }

        if (previous is not null && !previous.Fields.SequenceEqual(fields, StringComparer.Ordinal))
        {
            previous = null;
        }

        var docBases = reader.Leaves.ToDictionary(l => l.AtomicReader.CoreCacheKey, l => l.DocBase);
        var values = fields.Select((_, f) => new List<string>(previous?.Values[f] ?? [])).ToArray();
        Dictionary<string, int>[]? valueIds = null;
        var starts = new int[reader.MaxDoc + 1];
        var codes = new List<int>(previous?.Codes.Length + 16 ?? reader.MaxDoc * 8);
        var term = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            if (previous is not null && previous._docBases.TryGetValue(segment.CoreCacheKey, out var before))
            {
                // Same segment core, same documents and values: shift its rows into place.
                var shift = codes.Count - previous.Starts[before];
                for (var doc = 0; doc < segment.MaxDoc; doc++)
                {
                    starts[leaf.DocBase + doc] = previous.Starts[before + doc] + shift;
                }

                codes.AddRange(previous.Codes.AsSpan(previous.Starts[before], previous.Starts[before + segment.MaxDoc] - previous.Starts[before]));
                continue;
            }

            valueIds ??= [.. values.Select(v => v.Select((value, i) => (value, i)).ToDictionary(x => x.value, x => x.i, StringComparer.Ordinal))];
            var docValues = new SortedSetDocValues?[fields.Count];
            var segmentToCode = new int[fields.Count][];
            for (var f = 0; f < fields.Count; f++)
            {
                docValues[f] = segment.GetSortedSetDocValues(fields[f]);
                segmentToCode[f] = new int[docValues[f]?.ValueCount ?? 0];
                for (var ord = 0; ord < segmentToCode[f].Length; ord++)
                {
                    docValues[f]!.LookupOrd(ord, term);
                    var value = term.Utf8ToString();
                    if (!valueIds[f].TryGetValue(value, out var id))
                    {
                        id = values[f].Count;
                        if (id > ValueMask)
                        {
                            throw new InvalidOperationException($"More than {ValueMask} values in facet field {fields[f]}.");
                        }

                        valueIds[f][value] = id;
                        values[f].Add(value);
                    }

                    segmentToCode[f][ord] = Code(f, id);
                }
            }

            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                starts[leaf.DocBase + doc] = codes.Count;
                for (var f = 0; f < fields.Count; f++)
                {
                    if (docValues[f] is not { } field)
                    {
                        continue;
                    }

                    field.SetDocument(doc);
                    long ord;
                    while ((ord = field.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                    {
                        codes.Add(segmentToCode[f][ord]);
                    }
                }
            }
        }

        starts[reader.MaxDoc] = codes.Count;
        return new FacetOrdinals([.. fields], [.. values.Select(v => v.ToArray())], starts, [.. codes], docBases);
    }
}
