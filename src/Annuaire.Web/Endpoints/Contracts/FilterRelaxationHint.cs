namespace Annuaire.Web.Endpoints.Contracts;

/// <summary>A filter to drop and the number of offers without it.</summary>
/// <param name="Dimension">The query-string key of the filter (<c>thematique</c>, <c>public</c>, <c>territoire</c>…).</param>
/// <param name="Values">Its active values.</param>
/// <param name="Count">Number of offers without it.</param>
public sealed record FilterRelaxationHint(string Dimension, IReadOnlyList<string> Values, int Count);
