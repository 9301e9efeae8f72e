using System.Globalization;
using Annuaire.Content.Parsing;

namespace Annuaire.Content.Diagnostics;

/// <summary>
/// Keeps a diagnostic list readable and bounded whatever the content: at most
/// <see cref="ValidationOptions.MaxWarningsPerCode"/> warnings of one code in all, then at most
/// <see cref="ValidationOptions.MaxDiagnosticsPerFileAndCode"/> of one code per file; what is left out
/// is counted in a « … et N autres » line (<see cref="DiagnosticCodes.MoreDiagnostics"/>), so
/// nothing disappears silently. Errors are never dropped by the catalogue-wide cap: every rejected
/// file stays listed.
/// </summary>
public static class DiagnosticLimits
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Applies the caps to <paramref name="ordered"/> (grouped by file), keeping its order.</summary>
    public static IReadOnlyList<Diagnostic> Apply(IReadOnlyList<Diagnostic> ordered, ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        ArgumentNullException.ThrowIfNull(options);

        // Catalogue-wide cap first, so that the per-file summaries below stay few and every hidden
        // diagnostic is counted in exactly one summary.
        var kept = new List<Diagnostic>(Math.Min(ordered.Count, 4096));
        var warnings = new Dictionary<string, int>(StringComparer.Ordinal);
        var dropped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var diagnostic in ordered)
        {
            var count = diagnostic.IsError ? 0 : warnings.GetValueOrDefault(diagnostic.Code);
            if (count < options.MaxWarningsPerCode)
            {
                if (!diagnostic.IsError)
                {
                    warnings[diagnostic.Code] = count + 1;
                }

                kept.Add(diagnostic);
            }
            else
            {
                dropped[diagnostic.Code] = dropped.GetValueOrDefault(diagnostic.Code) + 1;
            }
        }

        var result = new List<Diagnostic>(kept.Count);
        foreach (var file in kept.GroupBy(d => d.File, StringComparer.Ordinal))
        {
            var shown = new Dictionary<string, int>(StringComparer.Ordinal);
            var hidden = new SortedDictionary<string, (int Count, bool Errors)>(StringComparer.Ordinal);
            foreach (var diagnostic in file)
            {
                var count = shown.GetValueOrDefault(diagnostic.Code);
                if (count < options.MaxDiagnosticsPerFileAndCode)
                {
                    shown[diagnostic.Code] = count + 1;
                    result.Add(diagnostic);
                }
                else
                {
                    var (n, errors) = hidden.GetValueOrDefault(diagnostic.Code);
                    hidden[diagnostic.Code] = (n + 1, errors || diagnostic.IsError);
                }
            }

            foreach (var (code, (count, errors)) in hidden)
            {
                result.Add(new Diagnostic(DiagnosticCodes.MoreDiagnostics, DiagnosticSeverity.Warning, file.Key, 0, 0,
                    string.Create(French, $"… et {count:N0} autre(s) {(errors ? "erreur(s)" : "avertissement(s)")} {code} dans ce fichier, non détaillé(e)s.")));
            }
        }

        foreach (var (code, count) in dropped)
        {
            result.Add(new Diagnostic(DiagnosticCodes.MoreDiagnostics, DiagnosticSeverity.Warning, ContentLoader.OffersFolder, 0, 0,
                string.Create(French, $"… et {count:N0} autre(s) avertissement(s) {code} dans d'autres fichiers, non détaillé(s) : corrigez d'abord ceux qui sont listés.")));
        }

        return result;
    }
}
