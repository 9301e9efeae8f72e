using Annuaire.Search.Querying;

namespace Annuaire.Bench.Relevance;

/// <summary>
/// A query as an adviser types it, its filters, and the offers a caseworker judged for it
/// (offer id → <see cref="RelevanceGrades.Exact"/> or <see cref="RelevanceGrades.Useful"/>;
/// an offer not listed is worth 0).
/// </summary>
/// <param name="Set">The named set the query belongs to (<c>mots</c>, <c>lieux</c>…).</param>
/// <param name="Id">Unique id of the query in its file.</param>
/// <param name="Text">The text, exactly as typed.</param>
/// <param name="Request">The request the query sends: text and filters, one page of <see cref="RelevanceMetrics.Cutoff"/> hits.</param>
/// <param name="Grades">Judged offers and their grade.</param>
/// <param name="Line">Line of the query in its file, for messages.</param>
internal sealed record JudgedQuery(string Set, string Id, string Text, SearchRequest Request, IReadOnlyDictionary<string, int> Grades, int Line);
