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
    public static ContentCatalog Load(string contentRoot, ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(contentRoot);
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.GetFullPath(contentRoot);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Dossier de contenu introuvable : {root}");
        }

        var fingerprint = ContentFingerprint.Compute(root);
        var diagnostics = new List<Diagnostic>();
        var referentials = ReferentialLoader.Load(root, diagnostics);
        var files = EnumerateOfferFiles(root, diagnostics);

        // Files are independent: parse and validate them in parallel, then merge in file order so
        // the offers and diagnostics do not depend on scheduling.
        var read = new (Offer? Offer, IReadOnlyList<Diagnostic> Diagnostics)[files.Count];
        Parallel.For(0, files.Count, i => read[i] = OfferFileReader.Read(files[i], referentials, options));

        var offers = new List<Offer>(files.Count);
        var firstFileById = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var (offer, fileDiagnostics) = read[i];
            read[i] = default;
            diagnostics.AddRange(fileDiagnostics);
            var id = Path.GetFileNameWithoutExtension(file.RelativePath);
            var relative = file.RelativePath;
            if (firstFileById.TryGetValue(id, out var first))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateSlug, DiagnosticSeverity.Error, relative, 1, 1,
                    $"L'identifiant « {id} » est déjà utilisé par {first} : renommez ce fichier (le nom du fichier est l'identifiant de l'offre)."));
                continue;
            }

            firstFileById[id] = relative;
            if (offer is not null)
            {
                offers.Add(offer);
            }
        }

        offers.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        diagnostics.AddRange(DuplicateDetector.Find(offers, referentials));
        return new ContentCatalog
        {
            Root = root,
            Referentials = referentials,
            Offers = offers,
            Diagnostics = DiagnosticLimits.Apply([.. diagnostics.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)], options),
            FileCount = files.Count,
            Fingerprint = fingerprint,
        };
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
