using Lucene.Net.Documents;

namespace Annuaire.Search.Indexing;

/// <summary>
/// Unstored keyword fields (<see cref="StringField"/>) reused from one document to the next by a
/// single writer thread. A keyword field builds its token stream on first use and keeps it; a new
/// field per value and per document meant a new token stream each time, whose attributes Lucene.Net
/// creates under a process-wide lock: with two threads indexing, a twentieth of a national build
/// was spent waiting on it. Lucene's own advice: reuse fields when adding many documents.
/// </summary>
internal sealed class KeywordFields
{
    private readonly Dictionary<string, Pool> _pools = new(StringComparer.Ordinal);

    /// <summary>Makes every field available again: the document they were in has been added.</summary>
    public void Reset()
    {
        foreach (var pool in _pools.Values)
        {
            pool.Used = 0;
        }
    }

    /// <summary>A keyword field of <paramref name="name"/> holding <paramref name="value"/>, unused since the last <see cref="Reset"/>.</summary>
    public StringField Get(string name, string value)
    {
        if (!_pools.TryGetValue(name, out var pool))
        {
            pool = new Pool();
            _pools[name] = pool;
        }

        if (pool.Used == pool.Fields.Count)
        {
            pool.Fields.Add(new StringField(name, value, Field.Store.NO));
        }
        else
        {
            pool.Fields[pool.Used].SetStringValue(value);
        }

        return pool.Fields[pool.Used++];
    }

    private sealed class Pool
    {
        public List<StringField> Fields { get; } = [];

        public int Used { get; set; }
    }
}
