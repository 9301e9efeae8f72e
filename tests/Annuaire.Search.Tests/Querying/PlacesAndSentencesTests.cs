using Annuaire.Content;
using Annuaire.Content.Parsing;
using Annuaire.Search.Querying;

namespace Annuaire.Search.Tests.Querying;

/// <summary>The engine over TestData/places (14 offers written for these cases) and the national geography.</summary>
public sealed class PlacesFixture : IDisposable
{
    public PlacesFixture()
    {
        var catalog = ContentLoader.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "places"), new ValidationOptions { Today = new DateOnly(2026, 11, 22) });
        Assert.Equal(0, catalog.ErrorCount);
        Engine = new OfferSearchEngine(FixedClock.Default);
        Engine.Rebuild(catalog);
    }

    public OfferSearchEngine Engine { get; }

    public void Dispose() => Engine.Dispose();
}

/// <summary>Places typed the way advisers type them, and queries written as sentences.</summary>
public sealed class PlacesAndSentencesTests(PlacesFixture fixture) : IClassFixture<PlacesFixture>
{
    private SearchResponse Search(string text, string? territoire = null) =>
        fixture.Engine.Search(new SearchRequest { Text = text, Territoire = territoire, PageSize = 20 });

    private static List<string> Ids(SearchResponse response) => [.. response.Hits.Select(h => h.Offer.Id)];

    [Theory]
    // query | territory kind:code (or "-") | the first result
    [InlineData("location voiture 45200", "PostalCode:45200", "location-voiture-amilly")]
    [InlineData("location voiture 45", "Departement:45", "location-voiture-amilly")]
    [InlineData("location voiture Montargis (45)", "Commune:45208", "location-voiture-amilly")]
    [InlineData("location voiture montargis", "Commune:45208", "location-voiture-amilly")]
    [InlineData("permis Villemandeur", "Commune:45338", "aide-permis-national")]
    [InlineData("hebergement urgence 48", "Departement:48", "hebergement-femmes-mende")]
    [InlineData("garde enfant orne", "Departement:61", "garde-enfants-orne")]
    [InlineData("femme avec enfant sans logement mende", "Commune:48095", "hebergement-femmes-mende")]
    [InlineData("location voiture Châlette s/ Loing", "Commune:45068", "location-voiture-amilly")]
    [InlineData("location voiture St Jean de Braye", "Commune:45284", "location-voiture-loiret")]
    [InlineData("garde enfants Centre-Val de Loire", "Region:24", "garde-enfants-loiret")]
    [InlineData("location voiture agglomeration montargoise", "-", "location-voiture-amilly")]
    [InlineData("garage montargoise et rives du loing", "Epci:244500203", "garage-solidaire-montargis")]
    [InlineData("epicerie saint-denis", "Commune:97411", "epicerie-saint-denis-974")]
    [InlineData("epicerie saint denis 93", "Commune:93066", "epicerie-saint-denis-93")]
    [InlineData("aide alimentaire tours", "Commune:37261", "aide-alimentaire-tours")]
    [InlineData("atelier tours", "-", "atelier-tours-de-table")]
    [InlineData("sac orne", "-", "atelier-couture-sac-orne")]
    [InlineData("emploi jeune 25 ans", "-", null)]
    public void Search_WhenPlaceTyped_FiltersOnItAndRanksLocalFirst(string text, string expectedTerritory, string? first)
    {
        var response = Search(text);
        Assert.Equal(expectedTerritory, response.Territory is { } t ? $"{t.Kind}:{t.Code}" : "-");
        if (first is not null)
        {
            Assert.Equal(first, Ids(response).FirstOrDefault());
        }
    }

    [Fact]
    public void Search_WhenPostalCodeServesSeveralCommunes_UsesThemAll()
    {
        var response = Search("45200");
        Assert.Equal(PlaceKind.PostalCode, response.Territory!.Kind);
        Assert.Contains("45208", response.Territory.Communes);
        Assert.Contains("45004", response.Territory.Communes);
        // A place alone browses the territory: commune first, then EPCI-wide, département-wide, national.
        Assert.Equal(["garage-solidaire-montargis", "location-voiture-amilly"], Ids(response).Take(2).Order(StringComparer.Ordinal));
        Assert.Contains("aide-permis-national", Ids(response));
        Assert.DoesNotContain(Ids(response), id => id is "garde-enfants-orne" or "hebergement-femmes-mende" or "garage-solidaire-gien");
        Assert.Equal(Proximity.National, response.Hits.Single(h => h.Offer.Id == "aide-permis-national").Proximity);
        Assert.Equal(Proximity.Commune, response.Hits.Single(h => h.Offer.Id == "garage-solidaire-montargis").Proximity);
    }

    [Fact]
    public void Search_WhenHomonym_TakesTheLargestAndOffersTheOthers()
    {
        var response = Search("epicerie saint-denis");
        Assert.Equal("97411", response.PlaceInText!.Code);
        Assert.Contains("93066", response.PlaceInText.Alternatives);
        Assert.Equal("epicerie", response.PlaceInText.TextWithoutPlace);

        // The alternative, one click away: the same words on the other commune.
        var other = Search(response.PlaceInText.TextWithoutPlace, "93066");
        Assert.Equal(["epicerie-saint-denis-93"], Ids(other));
    }

    [Fact]
    public void Search_WhenSelectedDepartementDisambiguates_TakesTheHomonymThere()
    {
        var response = Search("epicerie saint denis", "93");
        Assert.Equal("Departement:93", $"{response.Territory!.Kind}:{response.Territory.Code}");
        Assert.Equal(["epicerie-saint-denis-93"], Ids(response));
    }

    [Fact]
    public void Search_WhenPostalCodeLooksRealButIsUnknown_SaysSo()
    {
        var response = Search("45999 permis");
        Assert.Null(response.Territory);
        Assert.Contains(new SearchNotice.UnknownPostalCode("45999"), response.Notices);
    }

    [Fact]
    public void Search_WhenFiveDigitNumberIsNoPostalCode_StaysAWord()
    {
        var response = Search("permis 99999");
        Assert.Null(response.Territory);
        Assert.DoesNotContain(response.Notices, n => n is SearchNotice.UnknownPostalCode);
        Assert.Equal("permis 99999", response.EffectiveText);
    }

    [Fact]
    public void Search_WhenCommuneSelected_TerritoryFacetCountsItsResults()
    {
        var response = Search("hebergement", "48095");
        var selected = Assert.Single(response.Facets[FacetDimension.Departement], v => v.Selected);
        Assert.Equal(("48095", response.Total), (selected.Value, selected.Count));
        Assert.True(response.Total > 0);
    }

    [Fact]
    public void Search_WhenFewResultsOnACommune_OffersItsDepartement()
    {
        var response = Search("garage", "45208");
        Assert.Equal(["garage-solidaire-montargis"], Ids(response));
        Assert.Equal(new Widening("45", 2), response.Widening);
        Assert.Null(Search("garage", "45").Widening);
    }

    [Fact]
    public void Search_WhenSentence_IgnoresFillerWordsAndFindsTheOffer()
    {
        var response = Search("je cherche comment faire réparer ma voiture en panne");
        Assert.Equal("garage-solidaire-montargis", Ids(response).FirstOrDefault());
        Assert.Contains("cherche", response.IgnoredWords);
        Assert.Contains("comment", response.IgnoredWords);
    }

    [Fact]
    public void Search_WhenSansBeforeAWord_NeverMatchesOnSansAlone()
    {
        var response = Search("femme avec enfant sans logement");
        Assert.Equal("hebergement-femmes-mende", Ids(response).First());
        Assert.DoesNotContain("voitures-sans-permis-orne", Ids(response));
    }

    [Fact]
    public void Search_WhenSoftMatching_OffersWithEveryWordComeFirst()
    {
        // Four words: one may be missing, but offers holding all four rank above those with three.
        var response = Search("location voiture emploi orleans");
        var ids = Ids(response);
        Assert.Equal("location-voiture-loiret", ids[0]);
        Assert.True(response.Total >= 2);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(5, 4)]
    [InlineData(6, 4)]
    [InlineData(10, 7)]
    public void MinimumShouldMatch_FollowsTheDocumentedRule(int words, int required) =>
        Assert.Equal(required, TextQueryBuilder.MinimumShouldMatch(words));

    [Fact]
    public void Search_WhenOnlyAnExclusion_ExcludesInsteadOfReturningEverything()
    {
        var all = fixture.Engine.Search(new SearchRequest { PageSize = 100 }).Total;
        var response = fixture.Engine.Search(new SearchRequest { Text = "-permis", PageSize = 100 });
        Assert.InRange(response.Total, 1, all - 1);
        Assert.DoesNotContain(response.Hits, h => h.Offer.Id == "aide-permis-national");
    }
}
