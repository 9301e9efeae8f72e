namespace Annuaire.Search.Highlighting;

/// <summary>The passage of an offer's description around its matches.</summary>
/// <param name="Passage">The passage with its marks.</param>
/// <param name="CutBefore">The description goes on before the passage (a reader shows « … »).</param>
/// <param name="CutAfter">The description goes on after the passage.</param>
public sealed record BodySnippet(MarkedText Passage, bool CutBefore, bool CutAfter);
