using Annuaire.Search.Analysis;

namespace Annuaire.Search;

/// <summary>What the engine currently serves.</summary>
/// <param name="Generation">Increments at each swap.</param>
/// <param name="OfferCount">Offers in the index (all statuses).</param>
/// <param name="BuiltAt">When the index was built.</param>
/// <param name="SynonymErrors">Synonym rules that were ignored.</param>
/// <param name="Fingerprint">Fingerprint of the content the index was built from (<c>ContentFingerprint</c>).</param>
public sealed record IndexStatus(long Generation, int OfferCount, DateTimeOffset BuiltAt, IReadOnlyList<SynonymError> SynonymErrors, string Fingerprint);
