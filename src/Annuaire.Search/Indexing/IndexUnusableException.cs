using System.Globalization;

namespace Annuaire.Search.Indexing;

/// <summary>
/// An on-disk index that cannot be served: missing, incomplete, corrupt (checksums), or written by
/// another version of the engine. It says which, where and what as data (<see cref="Problem"/>,
/// <see cref="Location"/>, <see cref="Version"/>, <see cref="File"/>), for the site and the
/// command line to word; its message is for logs. Callers rebuild from content or keep the
/// version they serve.
/// </summary>
public sealed class IndexUnusableException : IOException
{
    /// <summary>Creates the exception (a corrupt index, place unknown).</summary>
    public IndexUnusableException()
        : this(IndexProblem.Corrupt, string.Empty)
    {
    }

    /// <summary>Creates the exception with a message (a corrupt index, place unknown).</summary>
    public IndexUnusableException(string message)
        : base(message)
    {
        Location = string.Empty;
    }

    /// <summary>Creates the exception with a message and the underlying failure (a corrupt index, place unknown).</summary>
    public IndexUnusableException(string message, Exception innerException)
        : base(message, innerException)
    {
        Location = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="problem">Why the index cannot be served.</param>
    /// <param name="location">The saved index's folder, or the root of the published versions.</param>
    /// <param name="version">The published version at fault; null for a saved index or the manifest.</param>
    /// <param name="file">The file at fault (the manifest, a version's list or one of its files), if one is.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public IndexUnusableException(IndexProblem problem, string location, string? version = null, string? file = null, Exception? innerException = null)
        : base(Describe(problem, location, version, file, innerException), innerException)
    {
        Problem = problem;
        Location = location;
        Version = version;
        File = file;
    }

    /// <summary>Why the index cannot be served.</summary>
    public IndexProblem Problem { get; } = IndexProblem.Corrupt;

    /// <summary>The saved index's folder, or the root of the published versions.</summary>
    public string Location { get; }

    /// <summary>The published version at fault; null for a saved index or the manifest.</summary>
    public string? Version { get; }

    /// <summary>The file at fault, relative to the version or the root, if one is.</summary>
    public string? File { get; }

    private static string Describe(IndexProblem problem, string location, string? version, string? file, Exception? inner) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Index {(version is null ? string.Empty : $"version '{version}' ")}in '{location}' unusable: {problem}{(file is null ? string.Empty : $" ({file})")}{(inner is null ? string.Empty : $": {inner.GetType().Name}: {inner.Message}")}");
}
