namespace Annuaire.Content.Diagnostics;

/// <summary>Collects diagnostics for one file, stamping each with the file's path.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>Creates a bag for a file.</summary>
    /// <param name="file">Path relative to the content root, with forward slashes.</param>
    public DiagnosticBag(string file) => File = file;

    /// <summary>The file the diagnostics belong to.</summary>
    public string File { get; }

    /// <summary>The diagnostics collected so far, in order.</summary>
    public IReadOnlyList<Diagnostic> Items => _items;

    /// <summary>Whether an error was reported.</summary>
    public bool HasErrors => _items.Exists(d => d.IsError);

    /// <summary>Reports an error.</summary>
    public void Error(string code, SourceLocation at, string message) =>
        _items.Add(new Diagnostic(code, DiagnosticSeverity.Error, File, at.Line, at.Column, message));

    /// <summary>Reports a warning.</summary>
    public void Warning(string code, SourceLocation at, string message) =>
        _items.Add(new Diagnostic(code, DiagnosticSeverity.Warning, File, at.Line, at.Column, message));
}
