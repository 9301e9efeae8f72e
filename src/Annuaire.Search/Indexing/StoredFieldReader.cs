using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Annuaire.Search.Indexing;

/// <summary>
/// Reads one stored string field of a document and stops there: the fields stored after it
/// (the large <see cref="OfferFields.Source"/>) are neither decompressed nor decoded.
/// </summary>
internal sealed class StoredFieldReader : StoredFieldVisitor
{
    private readonly string _field;
    private string? _value;

    private StoredFieldReader(string field)
    {
        _field = field;
    }

    /// <summary>The value of <paramref name="field"/> in document <paramref name="doc"/>, or null.</summary>
    public static string? Read(IndexSearcher searcher, int doc, string field)
    {
        var visitor = new StoredFieldReader(field);
        searcher.Doc(doc, visitor);
        return visitor._value;
    }

    /// <inheritdoc />
    public override Status NeedsField(FieldInfo fieldInfo) =>
        _value is not null ? Status.STOP : fieldInfo.Name == _field ? Status.YES : Status.NO;

    /// <inheritdoc />
    public override void StringField(FieldInfo fieldInfo, string value) => _value = value;
}
