using Annuaire.Content.Diagnostics;
using Annuaire.Content.Files;
using Annuaire.Content.Model;
using Annuaire.Content.Parsing;
using Annuaire.Content.Referentials;

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
    /// that changed mean every file is read again. Checks across files (identifiers, probable
    /// duplicates, limits) always run on the whole catalogue.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">When the folder does not exist.</exception>
    public static ContentCatalog Load(string contentRoot, ValidationOptions options, ContentCatalog? previous)
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

        var files = EnumerateOfferFiles(root, diagnostics);

        // Files are independent: parse and validate the new and changed ones in parallel, then
        // merge in file order so the offers and diagnostics do not depend on scheduling.
        var read = new LoadedFile[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var entry = files[i];
            read[i] = reuse && previous!.Files.TryGetValue(entry.RelativePath, out var known) && known.Length == entry.Length && known.LastWriteTicks == entry.LastWriteTicks && entry.IsReadable
                ? known
                : ReadFile(entry, referentials, options);
        });

        var offers = new List<Offer>(files.Count);
        var loaded = new Dictionary<string, LoadedFile>(files.Count, StringComparer.Ordinal);
        var firstFileById = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var result = read[i];
            loaded[file.RelativePath] = result;
            diagnostics.AddRange(result.Diagnostics);
            var id = Path.GetFileNameWithoutExtension(file.RelativePath);
            var relative = file.RelativePath;
            if (firstFileById.TryGetValue(id, out var first))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateSlug, DiagnosticSeverity.Error, relative, 1, 1,
                    $"L'identifiant « {id} » est déjà utilisé par {first} : renommez ce fichier (le nom du fichier est l'identifiant de l'offre)."));
                continue;
            }

            firstFileById[id] = relative;
            if (result.Offer is not null)
            {
                offers.Add(result.Offer);
            }
        }

        offers.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        diagnostics.AddRange(DuplicateDetector.Find(offers, referentials, reuse ? previous!.Duplicates?.Take() : null, out var duplicates));
        return new ContentCatalog
        {
            Root = root,
            Referentials = referentials,
            Offers = offers,
            Diagnostics = DiagnosticLimits.Apply([.. diagnostics.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)], options),
            FileCount = files.Count,
            Fingerprint = ContentFingerprint.Combine(referentialsDigest, files.Select((f, i) => (f.RelativePath, read[i].Digest))),
            Files = loaded,
            ReferentialsDigest = referentialsDigest,
            ReferentialDiagnostics = referentialDiagnostics,
            Duplicates = new DuplicateCache(duplicates),
            Options = options,
        };
    }

    private static LoadedFile ReadFile(ContentEntry entry, ReferentialSet referentials, ValidationOptions options)
    {
        var bytes = ContentTree.Read(entry, options.MaxFileBytes);
        var (offer, diagnostics) = OfferFileReader.Read(entry, bytes, referentials, options);
        return new LoadedFile(entry.Length, entry.LastWriteTicks, ContentFingerprint.OfFile(entry, bytes), offer, diagnostics);
    }

    /// <summary>The offer files, never following a link; every other entry is reported, none silently skipped.</summary>
    private static List<ContentEntry> EnumerateOfferFiles(string root, List<Diagnostic> diagnostics)
    {
        var all = ContentTree.Enumerate(root, OffersFolder);
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

    private static bool IsOfferFile(ContentEntry entry) =>
        entry.RelativePath.EndsWith(".md", StringComparison.Ordinal) && !Path.GetFileName(entry.RelativePath).Equals("README.md", StringComparison.OrdinalIgnoreCase);
}
