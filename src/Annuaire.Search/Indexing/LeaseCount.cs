namespace Annuaire.Search.Indexing;

/// <summary>
/// A reference count that starts at one (the owner's) and can never be taken again once it has
/// dropped to zero: what lets a generation or a lineage be closed by whoever leaves last.
/// </summary>
internal sealed class LeaseCount
{
    private int _count = 1;

    /// <summary>Takes a lease; false when the count already reached zero.</summary>
    public bool TryTake()
    {
        while (true)
        {
            var current = Volatile.Read(ref _count);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _count, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>Returns a lease; true for the last one (the caller then closes what it guards).</summary>
    public bool Return() => Interlocked.Decrement(ref _count) == 0;
}
