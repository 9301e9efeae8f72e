using Annuaire.Search.Querying;

namespace Annuaire.Search.Tests.Querying;

public sealed class FacetDimensionsTests
{
    [Fact]
    public void Definition_WhenAnyDimension_IsItsOwn() =>
        Assert.All(Enum.GetValues<FacetDimension>(), d => Assert.Equal(d, d.Definition().Dimension));

    [Fact]
    public void Filters_WhenListed_HaveOneDistinctKeyEach()
    {
        Assert.Equal(["thematique", "public", "type", "porteur", "territoire", "accueil", "frais"], FacetDimensions.Filters.Select(f => f.Key));
        Assert.Equal([FacetDimension.Thematique, FacetDimension.Famille], FacetDimensions.CountedBy(FacetDimension.Thematique).Select(d => d.Dimension));
    }

    [Theory]
    [InlineData("mobilite", FacetDimension.Famille)]
    [InlineData("mobilite--preparer-un-permis", FacetDimension.Thematique)]
    public void Accepts_WhenThematiqueFilterValue_BelongsToFamilyOrThematique(string value, FacetDimension expected) =>
        Assert.Equal(expected, Assert.Single(FacetDimensions.CountedBy(FacetDimension.Thematique), d => d.Accepts(value)).Dimension);

    [Fact]
    public void Toggle_WhenValueChosenTwice_RemovesIt()
    {
        var request = new SearchRequest { Page = 3 }.Toggle(FacetDimension.Public, "jeunes");
        Assert.Equal(["jeunes"], request.ValuesOf(FacetDimension.Public));
        Assert.Equal(1, request.Page);
        Assert.False(request.Toggle(FacetDimension.Public, "jeunes").HasFilters);
    }

    [Fact]
    public void Toggle_WhenTerritory_ReplacesIt()
    {
        var request = new SearchRequest().Toggle(FacetDimension.Departement, "45").Toggle(FacetDimension.Departement, "61");
        Assert.Equal("61", request.Territoire);
        Assert.Null(request.Toggle(FacetDimension.Departement, "61").Territoire);
    }
}
