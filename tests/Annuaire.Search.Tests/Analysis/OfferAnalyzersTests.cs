using Annuaire.Search.Analysis;

namespace Annuaire.Search.Tests.Analysis;

/// <summary>The words marking checks are analysed by the query chain once, then remembered.</summary>
public sealed class OfferAnalyzersTests : IDisposable
{
    private readonly OfferAnalyzers _analyzers = new(["rsa, revenu de solidarité active"]);

    public void Dispose() => _analyzers.Dispose();

    [Fact]
    public void QueryTermsOf_GivesTheQueryChainsTerms()
    {
        Assert.Equal(["aide", "loge"], _analyzers.QueryTermsOf("Aides au logement"));
        Assert.Equal(["revenu"], _analyzers.QueryTermsOf("revenu")); // Query time: no synonym expansion.
        Assert.Empty(_analyzers.QueryTermsOf("de la"));
    }

    [Fact]
    public void QueryTermsOf_SameWords_AnalysedOnce()
    {
        var first = _analyzers.QueryTermsOf("Logements");

        Assert.Same(first, _analyzers.QueryTermsOf("Logements"));
        Assert.NotSame(first, _analyzers.QueryTermsOf("logements"));
    }
}
