using System.Globalization;

namespace Annuaire.Search.Indexing;

/// <summary>What could not be written of an index; in every case, what was served before stays.</summary>
public enum IndexWriteFailure
{
    /// <summary>The new copy of a saved index could not be written (the previous saved index is kept).</summary>
    SaveFailed,

    /// <summary>The written copy could not take the place of the saved index (the previous one is kept).</summary>
    ReplaceFailed,

    /// <summary>A version of that name was published a moment ago (names are to the second).</summary>
    VersionExists,

    /// <summary>A version could not be built or written in the shared folder (the manifest is unchanged).</summary>
    PublishFailed,

    /// <summary>The manifest could not be rewritten (it still designates the previous version).</summary>
    ManifestWriteFailed,
}

/// <summary>
/// An index that could not be written to disk, as data (<see cref="Failure"/>,
/// <see cref="Location"/>, <see cref="Version"/>) for the site and the command line to word; its
/// message is for logs.
/// </summary>
public sealed class IndexWriteException : IOException
{
    /// <summary>Creates the exception (a failed save, place unknown).</summary>
    public IndexWriteException()
        : this(IndexWriteFailure.SaveFailed, string.Empty)
    {
    }

    /// <summary>Creates the exception with a message (a failed save, place unknown).</summary>
    public IndexWriteException(string message)
        : base(message)
    {
        Location = string.Empty;
    }

    /// <summary>Creates the exception with a message and the underlying failure (a failed save, place unknown).</summary>
    public IndexWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
        Location = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="failure">What could not be written.</param>
    /// <param name="location">The saved index's folder, or the root of the published versions.</param>
    /// <param name="version">The version concerned, when publishing.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public IndexWriteException(IndexWriteFailure failure, string location, string? version = null, Exception? innerException = null)
        : base(string.Create(CultureInfo.InvariantCulture, $"Index write failed ({failure}) in '{location}'{(version is null ? string.Empty : $", version '{version}'")}{(innerException is null ? string.Empty : $": {innerException.Message}")}"), innerException)
    {
        Failure = failure;
        Location = location;
        Version = version;
    }

    /// <summary>What could not be written.</summary>
    public IndexWriteFailure Failure { get; }

    /// <summary>The saved index's folder, or the root of the published versions.</summary>
    public string Location { get; }

    /// <summary>The version concerned, when publishing.</summary>
    public string? Version { get; }
}
