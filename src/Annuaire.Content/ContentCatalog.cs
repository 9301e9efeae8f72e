using Annuaire.Content.Diagnostics;
using Annuaire.Content.Files;
using Annuaire.Content.Model;
using Annuaire.Content.Parsing;
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
    /// <see cref="ContentFingerprint"/> of the folder, from the very bytes that were read (each file
    /// once): the fingerprint always describes the offers of this catalogue.
    /// </summary>
    public string Fingerprint { get; init; } = string.Empty;

    /// <summary>What was read of each offer file, to reuse for files unchanged at the next load.</summary>
    internal IReadOnlyDictionary<string, LoadedFile> Files { get; init; } = new Dictionary<string, LoadedFile>();

    /// <summary>Every entry listed under <c>offres/</c>, in ordinal order of relative path (a reload told which paths changed starts from it).</summary>
    internal IReadOnlyList<ContentEntry> Entries { get; init; } = [];

    /// <summary>Digest of the referentials folder the offers were validated against.</summary>
    internal string ReferentialsDigest { get; init; } = string.Empty;

    /// <summary>The diagnostics of the referentials (kept with them when they are reused).</summary>
    internal IReadOnlyList<Diagnostic> ReferentialDiagnostics { get; init; } = [];

    /// <summary>The groups of duplicate detection, handed over to the next load, which moves only the offers that changed.</summary>
    internal DuplicateCache? Duplicates { get; init; }

    /// <summary>The options the offers were validated with.</summary>
    internal ValidationOptions? Options { get; init; }

    /// <summary>Number of errors.</summary>
    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    /// <summary>Number of warnings.</summary>
    public int WarningCount => Diagnostics.Count(d => !d.IsError);
}

/// <summary>One offer file as read: its listing stamp, share of the fingerprint, offer and diagnostics.</summary>
internal sealed record LoadedFile(long Length, long LastWriteTicks, FingerprintLeaf Leaf, Offer? Offer, IReadOnlyList<Diagnostic> Diagnostics);
