using System.Buffers.Binary;
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
    /// SHA-256 of the relative paths and bytes of every file under <c>referentiels/</c> (in ordinal
    /// order) and of the sum of one SHA-256 per file under <c>offres/</c> (its relative path and its
    /// bytes' digest: a set hash, so a reload adds up the files' kept shares instead of hashing the
    /// whole catalogue again), as lowercase hex. Entries that are not read (links,
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
            .Select(e => FingerprintLeaf.Of(e.RelativePath, OfFile(e, ContentTree.Read(e, ContentTree.MaxReferentialBytes)))));
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

    /// <summary>The fingerprint of a folder from its referentials digest and each offer file's share (<see cref="FingerprintLeaf"/>).</summary>
    internal static string Combine(string referentials, IEnumerable<FingerprintLeaf> files)
    {
        ulong a = 0, b = 0, c = 0, d = 0;
        long count = 0;
        foreach (var leaf in files)
        {
            unchecked
            {
                a += leaf.A;
                b += leaf.B;
                c += leaf.C;
                d += leaf.D;
            }

            count++;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, Encoding.UTF8.GetBytes(referentials));
        Span<byte> sum = stackalloc byte[40];
        BinaryPrimitives.WriteInt64LittleEndian(sum, count);
        BinaryPrimitives.WriteUInt64LittleEndian(sum[8..], a);
        BinaryPrimitives.WriteUInt64LittleEndian(sum[16..], b);
        BinaryPrimitives.WriteUInt64LittleEndian(sum[24..], c);
        BinaryPrimitives.WriteUInt64LittleEndian(sum[32..], d);
        hash.AppendData(sum);
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

/// <summary>One offer file's share of <see cref="ContentFingerprint"/>: SHA-256 of its relative path and digest, as four 64-bit lanes.</summary>
internal readonly record struct FingerprintLeaf(ulong A, ulong B, ulong C, ulong D)
{
    public static FingerprintLeaf Of(string relativePath, string digest)
    {
        var path = Encoding.UTF8.GetBytes(relativePath);
        var text = Encoding.UTF8.GetBytes(digest);
        // Length prefixes keep "a" + "bc" and "ab" + "c" apart.
        var bytes = new byte[16 + path.Length + text.Length];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, path.Length);
        path.CopyTo(bytes, 8);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8 + path.Length), text.Length);
        text.CopyTo(bytes, 16 + path.Length);
        Span<byte> h = stackalloc byte[32];
        SHA256.HashData(bytes, h);
        return new FingerprintLeaf(
            BinaryPrimitives.ReadUInt64LittleEndian(h),
            BinaryPrimitives.ReadUInt64LittleEndian(h[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(h[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(h[24..]));
    }
}
