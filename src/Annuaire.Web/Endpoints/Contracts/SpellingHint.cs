namespace Annuaire.Web.Endpoints.Contracts;

/// <summary>« Essayez : hébergement (12 offres) ».</summary>
/// <param name="Text">The corrected text.</param>
/// <param name="Count">Number of offers it gives with the same filters.</param>
public sealed record SpellingHint(string Text, int Count);
