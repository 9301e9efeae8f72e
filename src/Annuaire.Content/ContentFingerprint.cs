using System.Security.Cryptography;
using System.Text;
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
    /// <c>referentiels/</c>, in ordinal order, as lowercase hex.
    /// </summary>
    /// <exception cref="IOException">When a file cannot be read (the caller treats the content as unavailable).</exception>
    public static string Compute(string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(contentRoot);
        var root = Path.GetFullPath(contentRoot);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var folder in new[] { ContentLoader.OffersFolder, ReferentialLoader.FolderName })
        {
            var path = Path.Combine(root, folder);
            if (!Directory.Exists(path))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                // The length prefix keeps "a" + "bc" and "ab" + "c" apart.
                var name = Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file).Replace('\\', '/'));
                var bytes = File.ReadAllBytes(file);
                hash.AppendData(BitConverter.GetBytes(name.Length));
                hash.AppendData(name);
                hash.AppendData(BitConverter.GetBytes(bytes.LongLength));
                hash.AppendData(bytes);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
