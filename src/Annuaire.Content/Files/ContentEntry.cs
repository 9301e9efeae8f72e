namespace Annuaire.Content.Files;

/// <summary>
/// One entry met under the content root: a regular file that may be read, or the reason it is
/// refused (a link, an unreadable folder…). Built by <see cref="ContentTree"/> without following links.
/// </summary>
/// <param name="FullPath">Absolute path.</param>
/// <param name="RelativePath">Path relative to the content root, with forward slashes.</param>
/// <param name="Length">Size in bytes as the folder listing reports it (0 for an empty file, a pipe or a device).</param>
/// <param name="Refusal">Why the entry may not be read, or null for a regular file.</param>
public sealed record ContentEntry(string FullPath, string RelativePath, long Length, ContentRefusal? Refusal)
{
    /// <summary>Whether the entry is a regular file that may be opened.</summary>
    public bool IsReadable => Refusal is null;

    /// <summary>Last write time (UTC ticks) from the listing, 0 for a refused entry.</summary>
    public long LastWriteTicks { get; init; }
}
