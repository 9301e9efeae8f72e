using Annuaire.Content.Model;
using Annuaire.Search.Querying;

namespace Annuaire.Search.Tests.Querying;

/// <summary>Facet counts must equal a brute-force count over the offers each request matches.</summary>
public sealed class FacetTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private readonly OfferSearchEngine _engine = fixture.Engine;
    private readonly Content.Referentials.Territories _territories = fixture.Catalog.Referentials.Territories;

    private IEnumerable<string> ValuesOf(Offer offer, FacetDimension dimension) => dimension switch
    {
        FacetDimension.Thematique => offer.Thematiques,
        FacetDimension.Famille => offer.ThematiqueFamilies,
        FacetDimension.Public => offer.Publics,
        FacetDimension.Type => offer.Type is null ? [] : [offer.Type],
        FacetDimension.Porteur => offer.Partenaires.Prepend(offer.Porteur).Distinct(),
        FacetDimension.ModeAccueil => offer.ModesAccueil,
        FacetDimension.Frais => offer.Frais is null ? [] : [offer.Frais],
        _ => offer.ZoneEligibilite.Select(z => z == Offer.France ? Offer.France : _territories.DepartementOf(z)!).Distinct(),
    };

    private Dictionary<string, int> BruteForce(SearchRequest request, FacetDimension dimension)
    {
        var all = _engine.Search(request with { Page = 1, PageSize = SearchRequest.MaxPageSize, Highlight = false });
        Assert.True(all.Total <= SearchRequest.MaxPageSize);
        return all.Hits.SelectMany(h => ValuesOf(h.Offer, dimension)).GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
    }

    public static TheoryData<string?, string[], string?> Requests => new()
    {
        { null, [], null },
        { "hebergement", [], null },
        { null, ["logement-hebergement"], null },
        { null, ["mobilite"], "45" },
        { "aide", ["logement-hebergement", "mobilite"], "45208" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Facets_WhenRequest_EqualBruteForceCountsWithoutOwnFilter(string? text, string[] thematiques, string? territoire)
    {
        var request = new SearchRequest { Text = text, Territoire = territoire }.With(FacetDimension.Thematique, thematiques);
        var response = _engine.Search(request);
        foreach (var dimension in FacetDimensions.All.Select(d => d.Dimension))
        {
            // A dimension's counts ignore its own filter (choosing « mobilité » still shows « logement »).
            var reference = dimension switch
            {
                FacetDimension.Thematique or FacetDimension.Famille => request.With(FacetDimension.Thematique),
                FacetDimension.Departement => request with { Territoire = null },
                _ => request,
            };
            var expected = BruteForce(reference, dimension);
            // A commune (or EPCI, postal code) filter shows itself selected with the true total beside the département values.
            var values = response.Facets[dimension].ToList();
            if (dimension == FacetDimension.Departement && territoire is { Length: 5 })
            {
                var selected = Assert.Single(values, v => v.Selected);
                Assert.Equal((territoire, response.Total), (selected.Value, selected.Count));
                values.Remove(selected);
            }

            if (dimension == FacetDimension.Departement)
            {
                // Choosing a département also shows the national offers: its count is what the click gives.
                var national = expected.GetValueOrDefault(Offer.France);
                expected = expected.ToDictionary(kv => kv.Key, kv => kv.Key == Offer.France ? kv.Value : kv.Value + national);
            }

            var actual = values.Where(v => v.Count > 0).ToDictionary(v => v.Value, v => v.Count);
            Assert.Equal(expected.OrderBy(kv => kv.Key), actual.OrderBy(kv => kv.Key));
        }
    }

    [Fact]
    public void Facets_WhenFilterActive_MarksSelectedValue()
    {
        var response = _engine.Search(new SearchRequest().With(FacetDimension.Thematique, "mobilite"));
        Assert.Contains(response.Facets[FacetDimension.Famille], v => v.Value == "mobilite" && v.Selected);
        Assert.Contains(response.Facets[FacetDimension.Famille], v => v.Value == "logement-hebergement" && !v.Selected && v.Count > 0);
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void DepartementFacet_WhenValueChosen_CountEqualsResults(string? text, string[] thematiques, string? territoire)
    {
        var request = new SearchRequest { Text = text, Territoire = territoire }.With(FacetDimension.Thematique, thematiques);
        var response = _engine.Search(request);

        var departements = response.Facets[FacetDimension.Departement].Where(v => !v.Selected || territoire is null).ToList();
        Assert.NotEmpty(departements);
        foreach (var value in departements)
        {
            Assert.Equal((value.Value, value.Count), (value.Value, _engine.Search(request with { Territoire = value.Value }).Total));
        }
    }
}
