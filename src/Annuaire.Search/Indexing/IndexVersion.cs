namespace Annuaire.Search.Indexing;

/// <summary>
/// One published, verified index version of an <see cref="IndexVersionStore"/>: a Lucene index and
/// the referentials it was built with, so that a replica needs nothing else to serve it.
/// </summary>
/// <param name="Id">The version's name (<c>20260112-101500-3f2a9c1b7e4d</c>: build time in UTC, then content fingerprint).</param>
/// <param name="Folder">The version's folder; its <c>referentiels/</c> is read as a content root.</param>
/// <param name="Fingerprint">Fingerprint of the content it was built from.</param>
/// <param name="Offers">Number of offers indexed.</param>
/// <param name="BuiltAt">When it was built.</param>
public sealed record IndexVersion(string Id, string Folder, string Fingerprint, int Offers, DateTimeOffset BuiltAt)
{
    /// <summary>The Lucene index inside the version (load it with <see cref="OfferSearchEngine.LoadIndex"/>).</summary>
    public string IndexPath => Path.Combine(Folder, IndexVersionStore.IndexFolderName);
}
