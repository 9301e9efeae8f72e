using System.Net;
using System.Text.Json;

namespace Annuaire.Web.Tests;

public sealed class SearchPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Search_WhenAidePermis_ListsPermisOffersWithHighlights()
    {
        var page = await site.GetDocumentAsync("/recherche?q=aide+permis");
        Assert.Contains("offres", page.QuerySelector("#resultats-titre[aria-live=polite]")!.TextContent, StringComparison.Ordinal);
        var titles = page.QuerySelectorAll(".card h3 a").Select(a => a.TextContent).ToList();
        Assert.NotEmpty(titles);
        Assert.Contains("permis", titles[0], StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(page.QuerySelectorAll(".card h3 a mark"));
    }

    [Fact]
    public async Task Search_WhenTextHasAccentsAndMarkup_WritesLettersAsIsAndEscapesMarkup()
    {
        using var client = site.CreateClient();

        var html = await client.GetStringAsync("/recherche?q=h%C3%A9bergement+%3Cb%3E%22", TestContext.Current.CancellationToken);

        Assert.Contains("value=\"hébergement &lt;b&gt;&quot;\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#xE9;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WhenPlaceNameTyped_FiltersOnTerritoryWithNotice()
    {
        var page = await site.GetDocumentAsync("/recherche?q=hebergement+urgence+orleans");
        Assert.Contains(page.QuerySelectorAll(".notice"), n => n.TextContent.Contains("Orléans", StringComparison.Ordinal));
        var links = page.QuerySelectorAll(".card h3 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/offres/hebergement-urgence-115-loiret", links);
        Assert.DoesNotContain("/offres/115-hebergement-urgence-orne", links);
    }

    [Fact]
    public async Task Search_WhenPlaceNameTyped_ChipRemovesTheNameFromTheText()
    {
        var page = await site.GetDocumentAsync("/recherche?q=hebergement+urgence+orleans");

        var chip = page.QuerySelectorAll(".chips a.chip:not(.chip-reset)").Single();
        Assert.Equal("/recherche?q=hebergement%20urgence", chip.GetAttribute("href"));
        var lozere = page.QuerySelectorAll(".facet a").Single(a => a.GetAttribute("href")!.Contains("territoire=48", StringComparison.Ordinal));
        Assert.Equal("/recherche?q=hebergement%20urgence&territoire=48", lozere.GetAttribute("href"));

        var after = await site.GetDocumentAsync(chip.GetAttribute("href")!);
        Assert.Empty(after.QuerySelectorAll(".chips a.chip:not(.chip-reset)"));
        static int Total(AngleSharp.Dom.IDocument d) => int.Parse(d.QuerySelector("#resultats-titre")!.TextContent.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Total(after) > Total(page));
    }

    [Fact]
    public async Task Search_WhenFamilyFilterChosen_ShowsChipAndSubThemesAndKeepsOtherFamilyCounts()
    {
        var page = await site.GetDocumentAsync("/recherche?thematique=mobilite");
        var chip = Assert.Single(page.QuerySelectorAll(".chips a.chip:not(.chip-reset)"));
        Assert.Contains("Mobilité", chip.TextContent, StringComparison.Ordinal);
        Assert.Equal("/recherche", chip.GetAttribute("href"));
        var families = page.QuerySelectorAll(".facet").First(f => f.QuerySelector("summary")!.TextContent.Contains("Thématique", StringComparison.Ordinal));
        Assert.Contains(families.QuerySelectorAll("a"), a => a.TextContent.Contains("Logement", StringComparison.Ordinal) && a.TextContent.Contains('('));
        Assert.Contains(page.QuerySelectorAll(".facet summary"), s => s.TextContent.Contains("Sous-thématique", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_WhenManyResults_PaginatesWithStateInUrl()
    {
        var page = await site.GetDocumentAsync("/recherche?thematique=logement-hebergement&taille=10");
        var next = page.QuerySelector(".pagination a[rel=next]");
        Assert.NotNull(next);
        Assert.Contains("thematique=logement-hebergement", next!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("page=2", next.GetAttribute("href"), StringComparison.Ordinal);
        var page2 = await site.GetDocumentAsync(next.GetAttribute("href")!);
        Assert.Equal("2", page2.QuerySelector(".pagination a[aria-current=page]")!.TextContent);
    }

    [Fact]
    public async Task Search_WhenNothingMatches_OffersHelp()
    {
        var page = await site.GetDocumentAsync("/recherche?q=hebergemnt+urgance&thematique=sante");
        Assert.Equal("Aucune offre", page.QuerySelector("#resultats-titre")!.TextContent.Trim());
        Assert.NotEmpty(page.QuerySelectorAll(".zero li a"));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("(")]
    [InlineData("*")]
    [InlineData("~")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("🙂 中文 ñ")]
    [InlineData("a AND (b OR")]
    public async Task Search_WhenHostileQuery_Answers200WithoutScript(string q)
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync("/recherche?q=" + Uri.EscapeDataString(q), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var api = await client.GetAsync("/api/offres?q=" + Uri.EscapeDataString(q), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task Search_WhenTenThousandCharacters_AnswersWithoutError()
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync("/recherche?q=" + new string('a', 3000), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tooLong = await client.GetAsync("/recherche?q=" + new string('a', 10_000), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("trop longue", await tooLong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_HaveSecurityHeaders()
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("frame-ancestors 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Api_WhenSearching_ReturnsTotalItemsAndFacets()
    {
        using var client = site.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/offres?q=rsa&territoire=45", TestContext.Current.CancellationToken));
        Assert.True(json.RootElement.GetProperty("total").GetInt32() > 0);
        var item = json.RootElement.GetProperty("items")[0];
        Assert.StartsWith("/offres/", item.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.True(json.RootElement.GetProperty("facets").GetProperty("famille").GetArrayLength() > 0);
        using var suggest = JsonDocument.Parse(await client.GetStringAsync("/api/suggest?q=heberg", TestContext.Current.CancellationToken));
        Assert.True(suggest.RootElement.GetArrayLength() > 0);
        var missing = await client.GetAsync("/api/offres/inexistante", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Health_ReportsOffersAndGeneration()
    {
        using var client = site.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/healthz", TestContext.Current.CancellationToken));
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.True(json.RootElement.GetProperty("offers").GetInt32() >= 120);
    }
}
