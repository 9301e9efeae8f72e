using Annuaire.Search.Querying;

namespace Annuaire.Search.Tests.Querying;

public sealed class OnlyIdsTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public void Search_WhenOnlyIdsGiven_HitsAndFacetCountsKeepToThem()
    {
        var response = fixture.Engine.Search(new SearchRequest { Text = "hebergement", OnlyIds = new HashSet<string> { "hebergement-urgence-orne", "aide-permis-national" }, PageSize = 100 });
        Assert.Equal(["hebergement-urgence-orne"], response.Hits.Select(h => h.Offer.Id));
        Assert.Equal(1, response.Facets[FacetDimension.Departement].Sum(v => v.Count));
    }

    [Fact]
    public void Search_WhenOnlyIdsEmpty_FindsNothing() =>
        Assert.Equal(0, fixture.Engine.Search(new SearchRequest { OnlyIds = new HashSet<string>() }).Total);

    [Fact]
    public void Search_WhenOnlyIdsNull_IsUnrestricted() =>
        Assert.True(fixture.Engine.Search(new SearchRequest { Text = "hebergement" }).Total > 1);
}
