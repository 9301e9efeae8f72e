using Annuaire.Bench.Relevance;
using Annuaire.Content.Diagnostics;

namespace Annuaire.Search.Tests.Relevance;

/// <summary>
/// The judged relevance suite (docs/pertinence.md): every judged query goes through the public
/// search API; Success@10, MRR@10 and nDCG@10 per set must stay above their floors.
/// </summary>
public sealed class RelevanceSuiteTests(RelevanceFixture suite, ITestOutputHelper output) : IClassFixture<RelevanceFixture>
{
    /// <summary>
    /// Floors per set: the figures measured on main 0cc5f7a (2026-11-28, national geography) minus 0.03, so that a
    /// ranking change that loses queries fails here. To raise them after a change that earns
    /// it: run <c>dotnet run --project tools/Annuaire.Bench -- relevance</c>, set each floor to
    /// the new figure minus 0.03 (never above the measure), and record the new figures with the
    /// date and commit in docs/pertinence.md, in the same commit as the change. Never lower a
    /// floor or edit a judgment to make a change pass.
    /// </summary>
    private static readonly Dictionary<string, (double Success, double Mrr, double Ndcg)> Floors = new(StringComparer.Ordinal)
    {
        ["mots"] = (0.83, 0.81, 0.77),
        ["fautes"] = (0.85, 0.85, 0.81),
        ["sigles"] = (0.97, 0.97, 0.95),
        ["lieux"] = (0.50, 0.45, 0.46),
        ["phrases"] = (0.23, 0.23, 0.18),
        [RelevanceEvaluation.Overall] = (0.60, 0.58, 0.56),
    };

    [Fact]
    public void Catalogue_WhenLoaded_HasNoErrors()
    {
        var errors = suite.Catalog.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());

        Assert.Empty(errors);
        Assert.Equal(suite.Catalog.FileCount, suite.Catalog.Offers.Count);
        // The product's synonyms are linked in (RelevanceSuite.props): without them the suite would measure another search.
        Assert.NotEmpty(suite.Catalog.Referentials.Synonyms);
    }

    [Fact]
    public void Queries_WhenRead_JudgeOnlyOffersOfTheCatalogue() =>
        Assert.Empty(RelevanceEvaluation.UnknownOffers(suite.Engine, suite.Queries));

    [Fact]
    public void Queries_WhenRead_BelongToSetsThatHaveFloors() =>
        Assert.Equal(
            Floors.Keys.Where(k => k != RelevanceEvaluation.Overall).Order(StringComparer.Ordinal),
            suite.Queries.Select(q => q.Set).Distinct().Order(StringComparer.Ordinal));

    [Fact]
    public void Search_OnJudgedQueries_StaysAboveFloorsPerSet()
    {
        var evaluation = RelevanceEvaluation.Run(suite.Engine, suite.Queries);
        output.WriteLine(RelevanceTable.Scores(evaluation));
        output.WriteLine("Requêtes sans offre notée 2 dans les 10 premiers résultats :");
        output.WriteLine(RelevanceTable.Misses(evaluation));

        var shortfalls = evaluation.Sets.Append(evaluation.Total)
            .SelectMany(score => new[]
            {
                ("Success@10", score.Success, Floors[score.Name].Success),
                ("MRR@10", score.Mrr, Floors[score.Name].Mrr),
                ("nDCG@10", score.Ndcg, Floors[score.Name].Ndcg),
            }.Where(m => m.Item2 < m.Item3).Select(m => $"{score.Name} {m.Item1} = {m.Item2:0.000} < plancher {m.Item3:0.00}"))
            .ToList();

        Assert.True(shortfalls.Count == 0, string.Join(Environment.NewLine, shortfalls.Prepend("La pertinence a régressé :").Append(RelevanceTable.Scores(evaluation))));
    }
}
