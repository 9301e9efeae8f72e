namespace Annuaire.Search.Indexing;

/// <summary>
/// An on-disk index that cannot be served: missing, corrupt (checksums), or written by another
/// version of the engine. The message is French and says which; callers rebuild from content.
/// </summary>
public sealed class IndexUnusableException : IOException
{
    /// <summary>Creates the exception.</summary>
    public IndexUnusableException()
    {
    }

    /// <summary>Creates the exception with a French message.</summary>
    public IndexUnusableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a French message and the underlying failure.</summary>
    public IndexUnusableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with its reason and a French message.</summary>
    public IndexUnusableException(IndexProblem problem, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
    }

    /// <summary>Why the index cannot be served.</summary>
    public IndexProblem Problem { get; } = IndexProblem.Corrupt;
}
