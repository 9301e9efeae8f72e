using System.Globalization;
using System.Text.Json;
using Annuaire.Content;
using Annuaire.Content.Diagnostics;

namespace Annuaire.Cli.Commands;

/// <summary>Prints diagnostics for humans, for GitHub Actions annotations, or as JSON.</summary>
internal static class DiagnosticFormatter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The path of a diagnostic as the user passed the folder (so annotations match repository paths).</summary>
    public static string DisplayPath(string folderAsGiven, string relative) =>
        Path.Combine(folderAsGiven, relative).Replace('\\', '/').Replace("./", string.Empty, StringComparison.Ordinal);

    public static void WriteText(TextWriter output, string folder, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            output.WriteLine((d with { File = DisplayPath(folder, d.File) }).ToString());
        }
    }

    public static void WriteGitHub(TextWriter output, string folder, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            var level = d.IsError ? "error" : "warning";
            var file = EscapeProperty(DisplayPath(folder, d.File));
            var location = d.Line > 0 ? string.Create(CultureInfo.InvariantCulture, $",line={d.Line},col={Math.Max(1, d.Column)}") : string.Empty;
            output.WriteLine($"::{level} file={file}{location},title={d.Code}::{EscapeData(d.Message)}");
        }
    }

    public static void WriteJson(TextWriter output, string folder, ContentCatalog catalog)
    {
        var payload = new
        {
            files = catalog.FileCount,
            offers = catalog.Offers.Count,
            errors = catalog.ErrorCount,
            warnings = catalog.WarningCount,
            diagnostics = catalog.Diagnostics.Select(d => new
            {
                code = d.Code,
                severity = d.IsError ? "error" : "warning",
                file = DisplayPath(folder, d.File),
                line = d.Line,
                column = d.Column,
                message = d.Message,
            }),
        };
        output.WriteLine(JsonSerializer.Serialize(payload, Json));
    }

    // GitHub workflow command escaping: https://github.com/actions/toolkit (core/src/command.ts).
    private static string EscapeData(string s) => s.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string s) => EscapeData(s).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
