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
    /// </summary>
    public static string Compute(string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(contentRoot);
        var root = Path.GetFullPath(contentRoot);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var folder in new[] { ContentLoader.OffersFolder, ReferentialLoader.FolderName })
        {
            foreach (var entry in ContentTree.Enumerate(root, folder))
            {
                // Length prefixes keep "a" + "bc" and "ab" + "c" apart.
                Append(hash, Encoding.UTF8.GetBytes(entry.RelativePath));
                var (bytes, refusal) = ContentTree.Read(entry, ContentTree.MaxReferentialBytes);
                Append(hash, bytes ?? Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"refus {refusal!.Code} {entry.Length} {LastWrite(entry)}")));
            }
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
