using Annuaire.Content.Diagnostics;
using Annuaire.Content.Files;
using Annuaire.Content.Model;
using Annuaire.Content.Parsing;
using Annuaire.Content.Referentials;
using Annuaire.Content.Text;

namespace Annuaire.Content;

/// <summary>
/// Loads a content folder (<c>offres/**/*.md</c> and <c>referentiels/</c>). One bad file never
/// prevents the others from loading: it is reported and skipped.
/// </summary>
public static class ContentLoader
{
    /// <summary>The folder, relative to the content root, holding the offers.</summary>
    public const string OffersFolder = "offres";

    /// <summary>Loads and validates everything under <paramref name="contentRoot"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">When the folder does not exist.</exception>
    public static ContentCatalog Load(string contentRoot, ValidationOptions options) => Load(contentRoot, options, previous: null);

    /// <summary>
    /// Loads <paramref name="contentRoot"/> again after a change, reading only what changed since
    /// <paramref name="previous"/>: an offer file with the same size and write time keeps its offer
    /// object and diagnostics (so the engine re-indexes only the others); referentials or options
    /// that changed mean every file is read again. Checks across files give what a fresh load
    /// gives: identifiers and limits run on the whole catalogue, probable duplicates move only the
    /// changed offers between the groups kept from <paramref name="previous"/> (handed over once:
    /// loading again from the same <paramref name="previous"/> regroups everything).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">When the folder does not exist.</exception>
    public static ContentCatalog Load(string contentRoot, ValidationOptions options, ContentCatalog? previous) =>
        Load(contentRoot, options, previous, changedPaths: null);

    /// <summary>
    /// <see cref="Load(string, ValidationOptions, ContentCatalog?)"/> when the caller knows which
    /// paths changed since <paramref name="previous"/> (a <see cref="FileSystemWatcher"/>: created,
    /// changed and deleted paths, both names of a rename): only those are looked at instead of
    /// listing every offer file again. A path that is, or was, a folder, or a change to the
    /// <c>offres/</c> folder itself, means a full listing; so does a null <paramref name="changedPaths"/>
    /// (events lost, or unknown).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">When the folder does not exist.</exception>
    public static ContentCatalog Load(string contentRoot, ValidationOptions options, ContentCatalog? previous, IReadOnlyCollection<string>? changedPaths)
    {
        ArgumentNullException.ThrowIfNull(contentRoot);
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.GetFullPath(contentRoot);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Dossier de contenu introuvable : {root}");
        }

        var diagnostics = new List<Diagnostic>();
        var referentialsDigest = ContentFingerprint.Referentials(root);
        var reuse = previous is not null && previous.Root == root && previous.ReferentialsDigest == referentialsDigest && previous.Options == options;
        var referentialDiagnostics = new List<Diagnostic>(reuse ? previous!.ReferentialDiagnostics : []);
        var referentials = reuse ? previous!.Referentials : ReferentialLoader.Load(root, referentialDiagnostics);
        diagnostics.AddRange(referentialDiagnostics);

        var entries = (reuse && changedPaths is not null ? Relist(root, previous!.Entries, changedPaths) : null) ?? ContentTree.Enumerate(root, OffersFolder);
        var files = OfferFiles(root, entries, diagnostics);

        // Files are independent: parse and validate the new and changed ones in parallel, then
        // merge in file order so the offers and diagnostics do not depend on scheduling.
        var read = new LoadedFile[files.Count];
        var reread = new bool[files.Count];
        var strings = new StringPool();
        Parallel.For(0, files.Count, i =>
        {
            var entry = files[i];
            LoadedFile? known = null;
            var same = reuse && previous!.Files.TryGetValue(entry.RelativePath, out known) && known.Length == entry.Length && known.LastWriteTicks == entry.LastWriteTicks && entry.IsReadable;
            reread[i] = !same;
            read[i] = same ? known! : ReadFile(entry, referentials, options, strings);
        });

        var offers = new List<Offer>(files.Count);
        var loaded = new Dictionary<string, LoadedFile>(files.Count, StringComparer.Ordinal);
        var firstFileById = new Dictionary<string, (string File, Offer? Offer)>(files.Count, StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var result = read[i];
            loaded[file.RelativePath] = result;
            diagnostics.AddRange(result.Diagnostics);
            var id = Path.GetFileNameWithoutExtension(file.RelativePath);
            var relative = file.RelativePath;
            if (firstFileById.TryGetValue(id, out var firstFile))
            {
                var first = firstFile.File;
                diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateSlug, DiagnosticSeverity.Error, relative, 1, 1,
                    $"L'identifiant « {id} » est déjà utilisé par {first} : renommez ce fichier (le nom du fichier est l'identifiant de l'offre)."));
                continue;
            }

            firstFileById[id] = (relative, result.Offer);
            if (result.Offer is not null)
            {
                offers.Add(result.Offer);
            }
        }

        offers = (reuse ? InPreviousOrder(previous!, files, read, reread) : null) ?? [.. offers.OrderBy(o => o.Id, StringComparer.Ordinal)];
        diagnostics.AddRange(DuplicateDetector.Find(offers, referentials, reuse ? previous!.Duplicates?.Take() : null, out var duplicates));
        return new ContentCatalog
        {
            Root = root,
            Referentials = referentials,
            Offers = offers,
            Diagnostics = DiagnosticLimits.Apply([.. diagnostics.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)], options),
            FileCount = files.Count,
            Fingerprint = ContentFingerprint.Combine(referentialsDigest, read.Select(f => f.Leaf)),
            Files = loaded,
            Entries = entries,
            ReferentialsDigest = referentialsDigest,
            ReferentialDiagnostics = referentialDiagnostics,
            Duplicates = new DuplicateCache(duplicates),
            Options = options,
        };
    }

    /// <summary>
    /// The offers in id order without sorting the catalogue, when the files are those of
    /// <paramref name="previous"/> and each file read again holds an offer of the same id (an
    /// edit): the previous order with the new objects in place. Null otherwise.
    /// </summary>
    private static List<Offer>? InPreviousOrder(ContentCatalog previous, List<ContentEntry> files, LoadedFile[] read, bool[] reread)
    {
        if (files.Count != previous.Files.Count)
        {
            return null;
        }

        var replaced = new Dictionary<Offer, Offer>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < files.Count; i++)
        {
            if (!reread[i])
            {
                continue;
            }

            // A path not there before (with as many files) means another one is gone: ids may have moved.
            if (!previous.Files.TryGetValue(files[i].RelativePath, out var before) || (before.Offer is null) != (read[i].Offer is null) || before.Offer?.Id != read[i].Offer?.Id)
            {
                return null;
            }

            if (before.Offer is not null)
            {
                replaced[before.Offer] = read[i].Offer!;
            }
        }

        return [.. previous.Offers.Select(o => replaced.GetValueOrDefault(o, o))];
    }

    private static LoadedFile ReadFile(ContentEntry entry, ReferentialSet referentials, ValidationOptions options, StringPool strings)
    {
        var bytes = ContentTree.Read(entry, options.MaxFileBytes);
        var (offer, diagnostics) = OfferFileReader.Read(entry, bytes, referentials, options, strings);
        return new LoadedFile(entry.Length, entry.LastWriteTicks, FingerprintLeaf.Of(entry.RelativePath, ContentFingerprint.OfFile(entry, bytes)), offer, diagnostics);
    }

    /// <summary>The offer files among <paramref name="all"/>; every other entry is reported, none silently skipped.</summary>
    private static List<ContentEntry> OfferFiles(string root, IReadOnlyList<ContentEntry> all, List<Diagnostic> diagnostics)
    {
        if (all.Count == 0 && !Directory.Exists(Path.Combine(root, OffersFolder)))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.UnreadableFile, DiagnosticSeverity.Error, OffersFolder, 0, 0,
                $"Le dossier « {OffersFolder}/ » est absent : les offres doivent se trouver sous {OffersFolder}/<territoire>/<slug>.md."));
            return [];
        }

        foreach (var ignored in all.Where(e => !IsOfferFile(e)))
        {
            diagnostics.Add(ignored.Refusal is { } refusal
                ? new Diagnostic(refusal.Code, DiagnosticSeverity.Error, ignored.RelativePath, 0, 0, refusal.Message)
                : new Diagnostic(DiagnosticCodes.InvalidSlug, DiagnosticSeverity.Warning, ignored.RelativePath, 0, 0,
                    "Fichier ignoré : seules les offres en « .md » sont lues sous offres/."));
        }

        return [.. all.Where(IsOfferFile)];
    }

    /// <summary>
    /// The listing of <c>offres/</c> from <paramref name="previous"/> with only <paramref name="changedPaths"/>
    /// looked at again (without following links, as <see cref="ContentTree.Enumerate"/> does), or null
    /// when a full listing is needed: a folder appeared, disappeared or was renamed.
    /// </summary>
    private static List<ContentEntry>? Relist(string root, IReadOnlyList<ContentEntry> previous, IReadOnlyCollection<string> changedPaths)
    {
        var offersFolder = Path.Combine(root, OffersFolder);
        if (previous.Count == 0 || !Directory.Exists(offersFolder))
        {
            return null;
        }

        var entries = new List<ContentEntry>(previous);
        foreach (var path in changedPaths.Select(p => Path.GetFullPath(p, root)).Distinct(StringComparer.Ordinal))
        {
            if (!path.StartsWith(offersFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                if (offersFolder.StartsWith(path, StringComparison.Ordinal))
                {
                    return null; // offres/ itself, or a folder above it.
                }

                continue; // Referentials are compared by their digest; other paths are not content.
            }

            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            var at = entries.BinarySearch(new ContentEntry(path, relative, 0, null), PathOrder.Instance);
            if (Directory.Exists(path) || (at < 0 && ~at < entries.Count && entries[~at].RelativePath.StartsWith(relative + "/", StringComparison.Ordinal)))
            {
                return null; // A folder now, or one that held files: its files are not in the events.
            }

            if (!ContentTree.Exists(path))
            {
                if (at >= 0)
                {
                    entries.RemoveAt(at);
                }

                continue;
            }

            var entry = ContentTree.Inspect(root, path);
            if (at >= 0)
            {
                entries[at] = entry;
            }
            else
            {
                entries.Insert(~at, entry);
            }
        }

        return entries;
    }

    private static bool IsOfferFile(ContentEntry entry) =>
        entry.RelativePath.EndsWith(".md", StringComparison.Ordinal) && !Path.GetFileName(entry.RelativePath).Equals("README.md", StringComparison.OrdinalIgnoreCase);

    /// <summary>Ordinal order of relative path, the order of <see cref="ContentTree.Enumerate"/>.</summary>
    private sealed class PathOrder : IComparer<ContentEntry>
    {
        public static readonly PathOrder Instance = new();

        public int Compare(ContentEntry? x, ContentEntry? y) => string.CompareOrdinal(x!.RelativePath, y!.RelativePath);
    }
}
