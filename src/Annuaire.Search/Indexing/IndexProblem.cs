namespace Annuaire.Search.Indexing;

/// <summary>Why a saved index cannot be served.</summary>
public enum IndexProblem
{
    /// <summary>No index in the folder.</summary>
    Missing,

    /// <summary>Unreadable or failing its checksums.</summary>
    Corrupt,

    /// <summary>Written by another version of the engine (analysis may differ).</summary>
    OtherVersion,

    /// <summary>A published version whose files are missing or shorter than listed (copy in progress or interrupted).</summary>
    Incomplete,
}
