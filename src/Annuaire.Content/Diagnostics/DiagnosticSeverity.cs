namespace Annuaire.Content.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth fixing, but the offer still loads and the pull request may merge.</summary>
    Warning,

    /// <summary>The file is not loaded; the pull request must not merge.</summary>
    Error,
}
