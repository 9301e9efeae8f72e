using Annuaire.Search;

namespace Annuaire.Bench.Relevance;

/// <summary>The outcome of one judged query: what came back and what it is worth.</summary>
/// <param name="Query">The query.</param>
/// <param name="Ranked">Ids of the offers returned, in rank order (at most <see cref="RelevanceMetrics.Cutoff"/>).</param>
/// <param name="Success">Success@10.</param>
/// <param name="ReciprocalRank">Reciprocal rank@10.</param>
/// <param name="Ndcg">nDCG@10.</param>
internal sealed record QueryOutcome(JudgedQuery Query, IReadOnlyList<string> Ranked, bool Success, double ReciprocalRank, double Ndcg);

/// <summary>Means over a group of queries (a set, or all of them).</summary>
/// <param name="Name">The set name, or <see cref="RelevanceEvaluation.Overall"/>.</param>
/// <param name="Queries">Number of queries.</param>
/// <param name="Success">Share of queries with a grade-2 offer in the top 10.</param>
/// <param name="Mrr">Mean reciprocal rank@10.</param>
/// <param name="Ndcg">Mean nDCG@10.</param>
internal sealed record SetScore(string Name, int Queries, double Success, double Mrr, double Ndcg);

/// <summary>Runs judged queries through the engine's public search API and scores them.</summary>
internal sealed class RelevanceEvaluation
{
    /// <summary>The name of the line that averages every query (each query weighs the same).</summary>
    public const string Overall = "ensemble";

    private RelevanceEvaluation(IReadOnlyList<QueryOutcome> outcomes)
    {
        Outcomes = outcomes;
        Sets = [.. outcomes.GroupBy(o => o.Query.Set, StringComparer.Ordinal).Select(g => Score(g.Key, [.. g]))];
        Total = Score(Overall, outcomes);
    }

    /// <summary>Every query's outcome, in file order.</summary>
    public IReadOnlyList<QueryOutcome> Outcomes { get; }

    /// <summary>Scores per set, in the order sets first appear in the file.</summary>
    public IReadOnlyList<SetScore> Sets { get; }

    /// <summary>Scores over all queries.</summary>
    public SetScore Total { get; }

    /// <summary>Judged offer ids that the engine does not serve: a judgment on them would silently count as a miss.</summary>
    public static IReadOnlyList<string> UnknownOffers(OfferSearchEngine engine, IEnumerable<JudgedQuery> queries)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(queries);
        return [.. queries.SelectMany(q => q.Grades.Keys.Where(id => engine.Find(id) is null).Select(id => $"ligne {q.Line} ({q.Id}) : offre « {id} » introuvable dans le catalogue"))];
    }

    /// <summary>Searches every query and scores the first page.</summary>
    public static RelevanceEvaluation Run(OfferSearchEngine engine, IEnumerable<JudgedQuery> queries)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(queries);
        return new RelevanceEvaluation([.. queries.Select(query =>
        {
            var ranked = engine.Search(query.Request).Hits.Select(h => h.Offer.Id).Take(RelevanceMetrics.Cutoff).ToList();
            return new QueryOutcome(
                query,
                ranked,
                RelevanceMetrics.Success(ranked, query.Grades),
                RelevanceMetrics.ReciprocalRank(ranked, query.Grades),
                RelevanceMetrics.Ndcg(ranked, query.Grades));
        })]);
    }

    private static SetScore Score(string name, IReadOnlyCollection<QueryOutcome> outcomes) =>
        outcomes.Count == 0
            ? new SetScore(name, 0, 0, 0, 0)
            : new SetScore(name, outcomes.Count, outcomes.Average(o => o.Success ? 1.0 : 0.0), outcomes.Average(o => o.ReciprocalRank), outcomes.Average(o => o.Ndcg));
}
