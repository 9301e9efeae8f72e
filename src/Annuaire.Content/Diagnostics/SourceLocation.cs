namespace Annuaire.Content.Diagnostics;

/// <summary>A 1-based position in a content file.</summary>
/// <param name="Line">1-based line (0 = whole file).</param>
/// <param name="Column">1-based column (0 = unknown).</param>
public readonly record struct SourceLocation(int Line, int Column)
{
    /// <summary>The whole file, no precise position.</summary>
    public static SourceLocation File => default;
}
