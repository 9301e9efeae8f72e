using Annuaire.Content.Diagnostics;
using Annuaire.Content.Model;
using Annuaire.Content.Referentials;

namespace Annuaire.Content;

/// <summary>The result of loading a content folder: valid offers, referentials and every diagnostic.</summary>
public sealed record ContentCatalog
{
    /// <summary>The content root that was loaded (absolute path).</summary>
    public required string Root { get; init; }

    /// <summary>The referentials.</summary>
    public required ReferentialSet Referentials { get; init; }

    /// <summary>Offers without errors, ordered by id.</summary>
    public required IReadOnlyList<Offer> Offers { get; init; }

    /// <summary>Every diagnostic, ordered by file then line.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>Number of offer files read (valid or not).</summary>
    public required int FileCount { get; init; }

    /// <summary>
    /// <see cref="ContentFingerprint"/> of the folder, taken before it was read: if a file changed
    /// during the load, the fingerprint is older than the content, never newer.
    /// </summary>
    public string Fingerprint { get; init; } = string.Empty;

    /// <summary>Number of errors.</summary>
    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    /// <summary>Number of warnings.</summary>
    public int WarningCount => Diagnostics.Count(d => !d.IsError);
}
