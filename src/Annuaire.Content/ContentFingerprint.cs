using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Annuaire.Content.Files;
using Annuaire.Content.Referentials;

namespace Annuaire.Content;

/// <summary>
/// A digest of everything an index is built from (offers and referentials: names and bytes), so
/// that an index saved on disk can tell whether it still matches the content folder.
/// </summary>
public static class ContentFingerprint
{
    /// <summary>
    /// SHA-256 of the relative paths and bytes of every file under <c>offres/</c> and
    /// <c>referentiels/</c>, in ordinal order, as lowercase hex. Entries that are not read (links,
    /// unreadable or oversized files) count by their name and the reason or size, so the digest
    /// still changes when they do; it never follows a link and never throws for one bad entry.
    /// <see cref="ContentLoader.Load(string, Parsing.ValidationOptions, ContentCatalog?)"/> builds its
    /// fingerprint the same way from the files it reads (reading each file once).
    /// </summary>
    public static string Compute(string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(contentRoot);
        var root = Path.GetFullPath(contentRoot);
        return Combine(Referentials(root), ContentTree.Enumerate(root, ContentLoader.OffersFolder)
            .Select(e => (e.RelativePath, OfFile(e, ContentTree.Read(e, ContentTree.MaxReferentialBytes)))));
    }

    /// <summary>Digest of the <c>referentiels/</c> folder (a change there means everything is re-read).</summary>
    internal static string Referentials(string root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in ContentTree.Enumerate(root, ReferentialLoader.FolderName))
        {
            Append(hash, Encoding.UTF8.GetBytes(entry.RelativePath));
            Append(hash, Encoding.UTF8.GetBytes(OfFile(entry, ContentTree.Read(entry, ContentTree.MaxReferentialBytes))));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Digest of one file: its bytes, or for an entry not read, the reason with its size and date.</summary>
    internal static string OfFile(ContentEntry entry, (byte[]? Bytes, ContentRefusal? Refusal) read) =>
        read.Bytes is { } bytes
            ? Convert.ToHexStringLower(SHA256.HashData(bytes))
            : string.Create(CultureInfo.InvariantCulture, $"refus {read.Refusal!.Code} {entry.Length} {LastWrite(entry)}");

    /// <summary>The fingerprint of a folder from its referentials digest and each offer file's digest (in ordinal order of path).</summary>
    internal static string Combine(string referentials, IEnumerable<(string RelativePath, string Digest)> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, Encoding.UTF8.GetBytes(referentials));
        foreach (var (path, digest) in files)
        {
            // Length prefixes keep "a" + "bc" and "ab" + "c" apart.
            Append(hash, Encoding.UTF8.GetBytes(path));
            Append(hash, Encoding.UTF8.GetBytes(digest));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, byte[] bytes)
    {
        hash.AppendData(BitConverter.GetBytes(bytes.LongLength));
        hash.AppendData(bytes);
    }

    private static long LastWrite(ContentEntry entry)
    {
        try
        {
            return new FileInfo(entry.FullPath).LastWriteTimeUtc.Ticks;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
