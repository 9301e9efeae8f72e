using System.Collections.Concurrent;

namespace Annuaire.Search;

/// <summary>
/// A concurrent map of computed values forgotten all at once past <paramref name="maxEntries"/>
/// entries: what searches look up again and again (term look-ups, typo expansions, analysed
/// words), without hostile traffic growing it without bound. Its size is counted apart:
/// <see cref="ConcurrentDictionary{TKey, TValue}.Count"/> takes every lock, and distinct searches
/// miss often. Under concurrency the bound may be passed by a few entries.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>(int maxEntries, Func<TKey, TValue> create)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _map = new();
    private int _count;

    /// <summary>The value of <paramref name="key"/>, computed on the first request.</summary>
    public TValue GetOrAdd(TKey key)
    {
        if (_map.TryGetValue(key, out var value))
        {
            return value;
        }

        value = create(key);
        if (_map.TryAdd(key, value) && Interlocked.Increment(ref _count) > maxEntries)
        {
            _map.Clear();
            Interlocked.Exchange(ref _count, 0);
        }

        return value;
    }

    /// <summary>Forgets every value.</summary>
    public void Clear()
    {
        _map.Clear();
        Interlocked.Exchange(ref _count, 0);
    }
}
