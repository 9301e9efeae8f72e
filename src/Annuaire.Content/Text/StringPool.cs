using System.Collections.Concurrent;

namespace Annuaire.Content.Text;

/// <summary>
/// One instance per distinct short value while a catalogue loads: the same codes, départements,
/// porteurs, phone numbers and words appear in thousands of offers, and a parser gives each its own
/// string (at 100,000 offers, 120 MB of copies). Thread-safe: files are read in parallel. Bounded,
/// so that a catalogue of unusual values costs at most its own strings plus the table.
/// </summary>
public sealed class StringPool
{
    /// <summary>
    /// Lock stripes of the table: its default (one per core) made the parallel readers wait on
    /// each other at every new value (7–8 % of a 100,000-file load in a trace).
    /// </summary>
    private const int Stripes = 64;

    private readonly ConcurrentDictionary<string, string> _strings = new(Stripes, 4096, StringComparer.Ordinal);
    private readonly int _capacity;
    private readonly int _maxLength;
    private int _count;

    /// <summary>A pool of at most <paramref name="capacity"/> values of up to <paramref name="maxLength"/> characters.</summary>
    public StringPool(int capacity = 500_000, int maxLength = 160)
    {
        _capacity = capacity;
        _maxLength = maxLength;
    }

    /// <summary>The pooled instance equal to <paramref name="value"/> (that one, the first time); long values and values past the capacity are returned as given.</summary>
    public string Share(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > _maxLength)
        {
            return value;
        }

        if (_strings.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        // The count is kept apart: ConcurrentDictionary.Count takes every lock.
        if (Volatile.Read(ref _count) >= _capacity)
        {
            return value;
        }

        pooled = _strings.GetOrAdd(value, value);
        if (ReferenceEquals(pooled, value))
        {
            Interlocked.Increment(ref _count);
        }

        return pooled;
    }
}
