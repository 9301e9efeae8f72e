using System.Globalization;
using System.Text;

namespace Annuaire.Bench.Relevance;

/// <summary>Writes an evaluation as Markdown: the table per set, then the queries that missed.</summary>
internal static class RelevanceTable
{
    /// <summary>The table of scores per set and overall.</summary>
    public static string Scores(RelevanceEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var text = new StringBuilder();
        text.AppendLine("| jeu | requêtes | Success@10 | MRR@10 | nDCG@10 |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var score in evaluation.Sets.Append(evaluation.Total))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {score.Name} | {score.Queries} | {score.Success:0.00} | {score.Mrr:0.00} | {score.Ndcg:0.00} |");
        }

        return text.ToString();
    }

    /// <summary>Queries with no grade-2 offer in the top 10, with what came first instead.</summary>
    public static string Misses(RelevanceEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var text = new StringBuilder();
        foreach (var miss in evaluation.Outcomes.Where(o => !o.Success))
        {
            var first = miss.Ranked.Count == 0 ? "aucun résultat" : string.Join(", ", miss.Ranked.Take(3));
            var expected = string.Join(", ", miss.Query.Grades.Where(g => g.Value == RelevanceGrades.Exact).Select(g => g.Key));
            text.AppendLine(CultureInfo.InvariantCulture, $"- {miss.Query.Id} « {miss.Query.Text} » : attendu {expected} ; obtenu {first}");
        }

        return text.ToString();
    }
}
