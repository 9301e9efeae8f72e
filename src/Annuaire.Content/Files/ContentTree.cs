using System.Globalization;
using Annuaire.Content.Diagnostics;

namespace Annuaire.Content.Files;

/// <summary>
/// Lists and reads the content folder so that no file can hurt the process. Only regular files and
/// folders are used: a symbolic link (to a file, a folder, a device such as <c>/dev/zero</c>, a missing
/// target or another link) is refused without being followed, so nothing outside the content root is
/// ever read; sizes are checked before a file is opened and reads stop at the cap; an empty entry
/// (which is also how pipes and devices appear) is never opened. Each refusal is a value, never an
/// exception, so one bad entry concerns that entry only.
/// </summary>
public static class ContentTree
{
    /// <summary>Largest referential file read (the communes of a whole country fit well under it).</summary>
    public const long MaxReferentialBytes = 16 * 1024 * 1024;

    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    /// <summary>
    /// Every file under <paramref name="folder"/> (relative to <paramref name="root"/>), in ordinal
    /// order of relative path, with the refused entries (links, unreadable folders) in place. Returns
    /// an empty list when the folder does not exist, and a single refused entry when it is itself a link.
    /// </summary>
    public static IReadOnlyList<ContentEntry> Enumerate(string root, string folder)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(folder);
        var start = new DirectoryInfo(Path.Combine(root, folder));
        var entries = new List<ContentEntry>();
        if (IsLink(start))
        {
            entries.Add(Refused(root, start.FullName, LinkRefusal()));
        }
        else if (start.Exists)
        {
            Walk(root, start, entries);
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return entries;
    }

    /// <summary>
    /// Looks at one path without following links: refused when it, or a folder between the root and
    /// it, is a link, when it lies outside the root, or when it is missing or not a file.
    /// </summary>
    public static ContentEntry Inspect(string root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(path);
        var fullRoot = Path.GetFullPath(root);
        var full = Path.GetFullPath(path, fullRoot);
        var relative = Path.GetRelativePath(fullRoot, full);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return Refused(fullRoot, full, new ContentRefusal(DiagnosticCodes.NotARegularFile, "Fichier hors du dossier de contenu : il n'est pas lu."));
        }

        try
        {
            for (var parent = Path.GetDirectoryName(full); parent is not null && parent.Length > fullRoot.Length; parent = Path.GetDirectoryName(parent))
            {
                if (IsLink(new DirectoryInfo(parent)))
                {
                    return Refused(fullRoot, full, LinkRefusal());
                }
            }

            return Describe(fullRoot, new FileInfo(full));
        }
        catch (Exception ex) when (IsAccessProblem(ex))
        {
            return Refused(fullRoot, full, Unreadable(ex));
        }
    }

    /// <summary>Whether something (a file, a folder or a link, even a broken one) is at <paramref name="path"/>.</summary>
    public static bool Exists(string path) => new FileInfo(path).Attributes != (FileAttributes)(-1);

    /// <summary>
    /// The bytes of a readable entry, or the refusal: a file larger than <paramref name="maxBytes"/> is
    /// refused from its listed size without being opened, and the read itself stops one byte past the
    /// cap (a file that grows while it is read is refused too).
    /// </summary>
    public static (byte[]? Bytes, ContentRefusal? Refusal) Read(ContentEntry entry, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Refusal is { } refusal)
        {
            return (null, refusal);
        }

        if (entry.Length > maxBytes)
        {
            return (null, TooLarge(entry.Length, maxBytes));
        }

        if (entry.Length == 0)
        {
            // Pipes and devices list as empty: opening one could block or never end, so empty is never opened.
            return ([], null);
        }

        try
        {
            using var stream = new FileStream(entry.FullPath, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.ReadWrite | FileShare.Delete, BufferSize = 0 });
            // Sized from the listing, grown if the file grew since, never beyond one byte past the cap.
            var buffer = new byte[(int)Math.Min(maxBytes + 1, entry.Length + 1)];
            var total = 0;
            int read;
            while ((read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    return (null, TooLarge(Math.Max(total, entry.Length), maxBytes));
                }

                if (total == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1, (long)buffer.Length * 2));
                }
            }

            return (buffer[..total], null);
        }
        catch (Exception ex) when (IsAccessProblem(ex))
        {
            return (null, Unreadable(ex));
        }
    }

    private static void Walk(string root, DirectoryInfo folder, List<ContentEntry> entries)
    {
        List<FileSystemInfo> children;
        try
        {
            children = [.. folder.EnumerateFileSystemInfos("*", OneLevel)];
        }
        catch (Exception ex) when (IsAccessProblem(ex))
        {
            entries.Add(Refused(root, folder.FullName, Unreadable(ex)));
            return;
        }

        foreach (var child in children)
        {
            if (child is DirectoryInfo directory && !IsLink(directory))
            {
                Walk(root, directory, entries);
            }
            else
            {
                entries.Add(child is FileInfo file ? Describe(root, file) : Refused(root, child.FullName, LinkRefusal()));
            }
        }
    }

    private static ContentEntry Describe(string root, FileInfo file)
    {
        if (IsLink(file))
        {
            return Refused(root, file.FullName, LinkRefusal());
        }

        if (!file.Exists)
        {
            return Refused(root, file.FullName, Directory.Exists(file.FullName)
                ? new ContentRefusal(DiagnosticCodes.NotARegularFile, "Ce chemin est un dossier, pas un fichier.")
                : new ContentRefusal(DiagnosticCodes.UnreadableFile, "Fichier introuvable (supprimé pendant la lecture ?)."));
        }

        return new ContentEntry(file.FullName, RelativeTo(root, file.FullName), file.Length, null) { LastWriteTicks = file.LastWriteTimeUtc.Ticks };
    }

    private static bool IsLink(FileSystemInfo info)
    {
        // Attributes come from lstat: a link is seen as a link whatever it points to (or not). -1 = absent.
        var attributes = info.Attributes;
        return attributes != (FileAttributes)(-1) && (attributes & FileAttributes.ReparsePoint) != 0;
    }

    private static ContentEntry Refused(string root, string fullPath, ContentRefusal refusal) =>
        new(fullPath, RelativeTo(root, fullPath), 0, refusal);

    private static string RelativeTo(string root, string fullPath) => Path.GetRelativePath(root, fullPath).Replace('\\', '/');

    private static bool IsAccessProblem(Exception ex) => ex is IOException or UnauthorizedAccessException or System.Security.SecurityException;

    private static ContentRefusal LinkRefusal() => new(DiagnosticCodes.NotARegularFile,
        "Lien symbolique refusé : le contenu ne comprend que des fichiers et dossiers ordinaires (un lien pourrait publier un fichier extérieur au dépôt). Remplacez le lien par le fichier lui-même.");

    private static ContentRefusal Unreadable(Exception ex) => new(DiagnosticCodes.UnreadableFile,
        $"Fichier ou dossier illisible ({ex.GetType().Name}) : vérifiez ses droits d'accès.");

    private static ContentRefusal TooLarge(long length, long maxBytes) => new(DiagnosticCodes.FileTooLarge,
        string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"Fichier trop volumineux ({length:N0} octets, au plus {maxBytes:N0}) : une offre tient en quelques kilo-octets ; raccourcissez le texte ou découpez l'offre."));
}
