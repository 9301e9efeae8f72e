using System.Net;
using System.Text.Json;

namespace Annuaire.Web.Tests.Endpoints;

/// <summary>The typed JSON API: public fields only, plain-text snippets, both prefixes.</summary>
public sealed class OffersApiTests(ApiSite api) : IClassFixture<ApiSite>
{
    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        using var client = api.Site.CreateClient();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Search_WhenTextMatchesBody_SnippetIsPlainTextWithRangesOnTheMatches()
    {
        using var json = await GetJsonAsync($"/api/v1/offres?q={ApiSite.Word}+rouler");

        var item = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(ApiSite.OfferId, item.GetProperty("id").GetString());
        Assert.Equal("/offres/" + ApiSite.OfferId, item.GetProperty("url").GetString());
        Assert.Equal("2026-01-01", item.GetProperty("dateMaj").GetString());
        var snippet = item.GetProperty("snippet");
        var text = snippet.GetProperty("text").GetString()!;
        Assert.Contains("voiture en état de rouler : « freins », pneus & vidange (< 50 €).", text, StringComparison.Ordinal);
        var marked = snippet.GetProperty("highlights").EnumerateArray()
            .Select(r => text.Substring(r.GetProperty("start").GetInt32(), r.GetProperty("length").GetInt32()))
            .ToList();
        Assert.Equal([ApiSite.Word, "rouler"], marked);
    }

    [Fact]
    public async Task Search_WhenNoText_ItemsHaveNoSnippetAndFacetsHaveLabels()
    {
        using var json = await GetJsonAsync("/api/v1/offres?thematique=mobilite&taille=5");

        Assert.True(json.RootElement.GetProperty("total").GetInt32() > 0);
        Assert.All(json.RootElement.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("snippet").ValueKind));
        var famille = json.RootElement.GetProperty("facets").GetProperty("famille").EnumerateArray().ToList();
        Assert.Contains(famille, f => f.GetProperty("value").GetString() == "mobilite" && f.GetProperty("selected").GetBoolean() && f.GetProperty("label").GetString() == "Mobilité");
    }

    [Fact]
    public async Task GetOffer_WhenExists_ReturnsPublicFieldsWithoutInternals()
    {
        using var json = await GetJsonAsync($"/api/v1/offres/{ApiSite.OfferId}");
        var offer = json.RootElement;

        Assert.Equal("Garage solidaire quorvaxine & réparations", offer.GetProperty("titre").GetString());
        Assert.Equal("france-travail", offer.GetProperty("porteur").GetString());
        Assert.Equal("01 99 00 12 34", offer.GetProperty("contact").GetProperty("telephone").GetString());
        Assert.Equal("45234", offer.GetProperty("lieux")[0].GetProperty("codeInsee").GetString());
        Assert.StartsWith("Le garage quorvaxine", offer.GetProperty("texte").GetString(), StringComparison.Ordinal);
        var names = offer.EnumerateObject().Select(p => p.Name).ToList();
        Assert.DoesNotContain("sourcePath", names);
        Assert.DoesNotContain("bodyLine", names);
        Assert.DoesNotContain("openingHours", offer.GetProperty("lieux")[0].EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("/offres?q=permis+voiture&thematique=mobilite")]
    [InlineData("/offres/" + ApiSite.OfferId)]
    [InlineData("/suggest?q=garage")]
    public async Task Alias_WhenUnversionedPath_AnswersLikeVersionOne(string path)
    {
        using var client = api.Site.CreateClient();
        var versioned = await client.GetStringAsync("/api/v1" + path, TestContext.Current.CancellationToken);
        var alias = await client.GetStringAsync("/api" + path, TestContext.Current.CancellationToken);
        Assert.Equal(versioned, alias);
    }

    [Fact]
    public async Task Suggest_WhenTitlePrefix_ReturnsOfferLink()
    {
        using var json = await GetJsonAsync("/api/v1/suggest?q=garage+solidaire+quorv");
        Assert.Contains(json.RootElement.EnumerateArray(), s => s.GetProperty("offerId").GetString() == ApiSite.OfferId && s.GetProperty("url").GetString() == "/offres/" + ApiSite.OfferId);
    }
}
