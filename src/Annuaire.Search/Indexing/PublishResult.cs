namespace Annuaire.Search.Indexing;

/// <summary>What <see cref="IndexVersionStore.Publish"/> did.</summary>
/// <param name="Version">The version the manifest now designates.</param>
/// <param name="Reused">True when the designated version already held this content for this engine: nothing was built.</param>
/// <param name="Removed">Older versions deleted to keep the folder's size bounded.</param>
public sealed record PublishResult(IndexVersion Version, bool Reused, IReadOnlyList<string> Removed);
