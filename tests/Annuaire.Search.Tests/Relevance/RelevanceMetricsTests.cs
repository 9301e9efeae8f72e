using Annuaire.Bench.Relevance;

namespace Annuaire.Search.Tests.Relevance;

public sealed class RelevanceMetricsTests
{
    // Judged: a = 1, b = 2, c = 2, d = 1; the engine returned a, x (not judged), b, c.
    private static readonly Dictionary<string, int> Grades = new() { ["a"] = 1, ["b"] = 2, ["c"] = 2, ["d"] = 1 };
    private static readonly string[] Ranked = ["a", "x", "b", "c"];

    [Fact]
    public void Success_WhenGradeTwoWithinCutoff_IsTrue() =>
        Assert.True(RelevanceMetrics.Success(Ranked, Grades, k: 3));

    [Fact]
    public void Success_WhenOnlyGradeOneWithinCutoff_IsFalse() =>
        Assert.False(RelevanceMetrics.Success(Ranked, Grades, k: 2));

    [Fact]
    public void ReciprocalRank_WhenFirstGradeTwoIsThird_IsOneThird() =>
        Assert.Equal(1.0 / 3, RelevanceMetrics.ReciprocalRank(Ranked, Grades, k: 3), precision: 12);

    [Fact]
    public void ReciprocalRank_WhenNoGradeTwoWithinCutoff_IsZero() =>
        Assert.Equal(0, RelevanceMetrics.ReciprocalRank(Ranked, Grades, k: 2));

    [Fact]
    public void Ndcg_OnHandComputedExample_MatchesByHand()
    {
        // DCG@3   = (2^1-1)/log2(2) + 0 + (2^2-1)/log2(4)            = 1 + 1.5        = 2.5
        // IDCG@3  = (2^2-1)/log2(2) + (2^2-1)/log2(3) + (2^1-1)/log2(4) = 3 + 1.892789 + 0.5 = 5.392789
        // nDCG@3  = 2.5 / 5.392789 = 0.463582
        Assert.Equal(0.463582, RelevanceMetrics.Ndcg(Ranked, Grades, k: 3), precision: 6);
    }

    [Fact]
    public void Ndcg_WhenRankedInIdealOrder_IsOne() =>
        Assert.Equal(1.0, RelevanceMetrics.Ndcg(["b", "c", "a", "d"], Grades), precision: 12);

    [Fact]
    public void Ndcg_WhenNothingReturned_IsZero() =>
        Assert.Equal(0, RelevanceMetrics.Ndcg([], Grades));
}
