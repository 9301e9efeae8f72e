using System.Globalization;

namespace Annuaire.Content.Diagnostics;

/// <summary>
/// One problem found in a content file, located precisely enough for an editor (or a GitHub
/// annotation) to jump to it. Diagnostics are values: loading never throws on bad content.
/// </summary>
/// <param name="Code">Stable code, one of <see cref="DiagnosticCodes"/>.</param>
/// <param name="Severity">Error (file rejected) or warning.</param>
/// <param name="File">Path relative to the content root, with forward slashes.</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
/// <param name="Message">French message that tells the editor how to fix the problem.</param>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string File, int Line, int Column, string Message)
{
    /// <summary>Whether this diagnostic rejects its file.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>A rule of <c>referentiels/synonymes.txt</c> the search engine could not read (it is ignored, the others apply).</summary>
    /// <param name="line">1-based line of the rule.</param>
    /// <param name="detail">What the synonym parser said.</param>
    public static Diagnostic SynonymRuleIgnored(int line, string detail) =>
        new(DiagnosticCodes.InvalidReferential, DiagnosticSeverity.Error, "referentiels/synonymes.txt", line, 1,
            $"règle de synonymes ignorée ({detail}) : vérifiez les virgules et « => ».");

    /// <summary>The compiler-style form <c>file:line:col: error CODE: message</c>.</summary>
    public override string ToString()
    {
        var severity = IsError ? "error" : "warning";
        return string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {severity} {Code}: {Message}");
    }
}
