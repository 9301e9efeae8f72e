namespace Annuaire.Bench.Relevance;

/// <summary>
/// Ranking metrics over the top <c>k</c> of one result list, given graded judgments
/// (see docs/pertinence.md). Pure functions: the list is offer ids in rank order.
/// </summary>
internal static class RelevanceMetrics
{
    /// <summary>How many results are looked at: the first page an adviser reads.</summary>
    public const int Cutoff = 10;

    /// <summary>Success@k: whether an offer graded <see cref="RelevanceGrades.Exact"/> is in the top <paramref name="k"/>.</summary>
    public static bool Success(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> grades, int k = Cutoff) =>
        FirstExactRank(ranked, grades, k) is not null;

    /// <summary>Reciprocal rank@k: 1 / rank of the first offer graded <see cref="RelevanceGrades.Exact"/>, 0 if none in the top <paramref name="k"/>.</summary>
    public static double ReciprocalRank(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> grades, int k = Cutoff) =>
        FirstExactRank(ranked, grades, k) is { } rank ? 1.0 / rank : 0.0;

    /// <summary>
    /// nDCG@k with exponential gain (2^grade − 1) and log2(rank + 1) discount, normalised by
    /// the best possible order of all judged offers; 0 when nothing is judged.
    /// </summary>
    public static double Ndcg(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> grades, int k = Cutoff)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(grades);
        var ideal = Dcg(grades.Values.OrderDescending().Take(k));
        return ideal == 0 ? 0 : Dcg(ranked.Take(k).Select(id => RelevanceGrades.Of(grades, id))) / ideal;
    }

    private static double Dcg(IEnumerable<int> gradesInRankOrder) =>
        gradesInRankOrder.Select((grade, index) => (Math.Pow(2, grade) - 1) / Math.Log2(index + 2)).Sum();

    private static int? FirstExactRank(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> grades, int k)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(grades);
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (RelevanceGrades.Of(grades, ranked[i]) == RelevanceGrades.Exact)
            {
                return i + 1;
            }
        }

        return null;
    }
}
