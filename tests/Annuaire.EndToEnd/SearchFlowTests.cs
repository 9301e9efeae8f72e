using Microsoft.Playwright;

namespace Annuaire.EndToEnd;

/// <summary>What an adviser does during an appointment, in a real browser, by mouse, by keyboard only, at 320 px and without JavaScript.</summary>
[Collection(SharedBrowser.Name)]
public sealed class SearchFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Autocomplete_TypeArrowDownEnter_OpensThePickedSuggestion()
    {
        var page = await fixture.OpenAsync("/");
        await page.TypeForSuggestionsAsync("perm");
        Assert.Equal("true", await page.GetAttributeAsync("#q", "aria-expanded"));

        await page.Keyboard.PressAsync("ArrowDown");
        var activeId = await page.GetAttributeAsync("#q", "aria-activedescendant");
        Assert.Equal("true", await page.GetAttributeAsync("#" + activeId, "aria-selected"));
        var picked = (await page.TextContentAsync("#" + activeId))!;
        var isSearch = picked.StartsWith("Rechercher « ", StringComparison.Ordinal);
        await page.EnterAndWaitAsync(url => url.Contains(isSearch ? "/recherche?" : "/offres/", StringComparison.Ordinal), "la suggestion choisie");

        if (isSearch)
        {
            // A search suggestion: the search runs with exactly those words.
            var words = picked["Rechercher « ".Length..^2];
            Assert.Equal(words, await page.InputValueAsync("#q"));
            Assert.True(await page.ResultCountAsync() > 0);
        }
        else
        {
            // An offer suggestion: its page opens.
            Assert.Equal(picked, await page.TextContentAsync("h1"));
        }
    }

    [Fact]
    public async Task Autocomplete_Escape_ClosesListAndKeepsTypedText()
    {
        var page = await fixture.OpenAsync("/");
        await page.TypeForSuggestionsAsync("logem");

        await page.Keyboard.PressAsync("Escape");

        Assert.Equal("false", await page.GetAttributeAsync("#q", "aria-expanded"));
        Assert.False(await page.IsVisibleAsync("#q-suggestions"));
        Assert.Equal("logem", await page.InputValueAsync("#q"));
        Assert.EndsWith("/", page.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(320)]
    public async Task Search_FilterByDepartementThenPublic_OpenOffer_BackKeepsState(int width)
    {
        var page = await fixture.OpenAsync("/", width);
        await page.FillAsync("#q", "hebergement urgence");
        await page.NavigateByAsync(() => page.PressAsync("#q", "Enter"), url => url.Contains("/recherche?q=hebergement", StringComparison.Ordinal), "la recherche");
        var all = await page.ResultCountAsync();

        var loiret = page.Locator("details.facet[data-facet=departement] a[href*='territoire=45']:has-text('Loiret')");
        var expectedLoiret = await FacetCountAsync(loiret);
        await page.NavigateByAsync(() => loiret.ClickAsync(), url => url.Contains("territoire=45", StringComparison.Ordinal), "le filtre Loiret");
        Assert.Equal(expectedLoiret, await page.ResultCountAsync());
        Assert.True(expectedLoiret < all, $"Le filtre Loiret devait réduire {all} résultats");

        // The Public facet is folded: open it like a user would, then pick its first value.
        var publicFacet = page.Locator("details.facet[data-facet=public]");
        if (await publicFacet.GetAttributeAsync("open") is null)
        {
            await publicFacet.Locator("summary").ClickAsync();
        }

        var firstPublic = publicFacet.Locator("a").First;
        var expectedPublic = await FacetCountAsync(firstPublic);
        await page.NavigateByAsync(() => firstPublic.ClickAsync(), url => url.Contains("public=", StringComparison.Ordinal), "le filtre public");
        Assert.Contains("territoire=45", page.Url, StringComparison.Ordinal);
        Assert.Equal(expectedPublic, await page.ResultCountAsync());
        Assert.Equal(2, await page.Locator(".chips a.chip:not(.chip-reset)").CountAsync());
        await page.KeepScreenshotAsync($"recherche-filtree-{width}");
        var state = (Url: page.Url, Count: await page.ResultCountAsync(), First: await page.TextContentAsync(".card h3 a"));

        await page.NavigateByAsync(() => page.ClickAsync(".card h3 a >> nth=0"), url => url.Contains("/offres/", StringComparison.Ordinal), "l'offre");
        Assert.Equal(state.First, await page.TextContentAsync("h1"));
        await page.KeepScreenshotAsync($"offre-{width}");
        await page.GoBackAsync();

        Assert.Equal(state.Url, page.Url);
        Assert.Equal(state.Count, await page.ResultCountAsync());
        Assert.Equal("hebergement urgence", await page.InputValueAsync("#q"));
        Assert.Equal(2, await page.Locator(".facet a[aria-current=true]").CountAsync());
        // The public chip removes the public filter and keeps the Département.
        Assert.Equal(1, await page.Locator(".chips a.chip:not(.chip-reset):not([href*='public=']):has-text('Public')").CountAsync());
        if (width <= 320)
        {
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 330, "Défilement horizontal à 320 px");
        }
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(320)]
    public async Task KeyboardOnly_SearchFilterOpenBackSelectAndPrint(int width)
    {
        var page = await fixture.OpenAsync("/", width);

        // First Tab: the skip link, visible when focused.
        await page.TabToAsync(".skip-link", maxPresses: 1);
        Assert.True(await page.IsVisibleAsync(".skip-link"));
        await page.TabToAsync("#q");
        await page.Keyboard.TypeAsync("hebergement urgence", new() { Delay = 20 });
        await page.WaitForSelectorAsync("#q-suggestions li");
        await page.Keyboard.PressAsync("Escape");
        Assert.Equal("false", await page.GetAttributeAsync("#q", "aria-expanded"));
        Assert.Equal("hebergement urgence", await page.InputValueAsync("#q"));
        await page.EnterAndWaitAsync(url => url.Contains("/recherche?q=hebergement", StringComparison.Ordinal), "la recherche");

        await page.TabToAsync("details.facet[data-facet=departement] a[href*='territoire=45']");
        await page.EnterAndWaitAsync(url => url.Contains("territoire=45", StringComparison.Ordinal), "le filtre Loiret");

        // Open the folded Public facet with Space on its summary, then choose its first value with Enter.
        await page.TabToAsync("details.facet[data-facet=public] > summary");
        if (await page.Locator("details.facet[data-facet=public]").GetAttributeAsync("open") is null)
        {
            await page.Keyboard.PressAsync("Space");
        }

        Assert.NotNull(await page.Locator("details.facet[data-facet=public]").GetAttributeAsync("open"));
        await page.TabToAsync("details.facet[data-facet=public] a");
        await page.EnterAndWaitAsync(url => url.Contains("public=", StringComparison.Ordinal), "le filtre public");
        var filtered = (Url: page.Url, Count: await page.ResultCountAsync());
        Assert.True(filtered.Count > 0);

        // Jump over the filters: the first result is then a few Tabs away (past the sort links).
        await page.TabToAsync(".skip-inline");
        await page.Keyboard.PressAsync("Enter");
        await page.TabToAsync(".card h3 a", maxPresses: 6);
        await page.EnterAndWaitAsync(url => url.Contains("/offres/", StringComparison.Ordinal), "l'offre");
        await page.TabToAsync(".breadcrumb a");
        // History back may restore the page from the back-forward cache (no load event), and the
        // skip link added its #fragment to the entry: compare the address without it.
        await page.EnterAndWaitAsync(url => url.Split('#')[0] == filtered.Url, "les résultats filtrés");
        Assert.Equal(filtered.Count, await page.ResultCountAsync());

        // Back on the results: tick offers with Space, then send the form with Enter.
        var wanted = Math.Min(3, filtered.Count);
        for (var i = 0; i < wanted; i++)
        {
            await page.TabToAsync(".card input[name=o]:not(:checked)");
            await page.Keyboard.PressAsync("Space");
        }

        Assert.Equal(wanted, await page.Locator(".card input[name=o]:checked").CountAsync());
        // « Préparer la fiche » sits in the bar that appears with the first ticked offer (after the menu in the page order).
        await page.TabToAsync("[data-selection-go]", backwards: true);
        await page.EnterAndWaitAsync(url => url.Contains("/selection?", StringComparison.Ordinal), "la fiche à remettre");
        Assert.Equal(wanted, await page.Locator(".handout-item").CountAsync());
        await page.KeepScreenshotAsync($"clavier-fin-{width}");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(320)]
    public async Task Selection_ThreeOffersThenPrintView(int width)
    {
        var page = await fixture.OpenAsync("/recherche?q=logement", width);
        var titles = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await page.CheckAsync($".card input[name=o] >> nth={i}");
            titles.Add((await page.TextContentAsync($".card h3 a >> nth={i}"))!);
        }

        await page.NavigateByAsync(() => page.ClickAsync("[data-selection-go]"), url => url.Contains("/selection?", StringComparison.Ordinal), "la fiche à remettre");
        Assert.Equal(3, await page.Locator(".handout-item").CountAsync());
        foreach (var title in titles)
        {
            Assert.Equal(1, await page.Locator(".handout-item", new() { HasText = title }).CountAsync());
        }

        await page.KeepScreenshotAsync($"selection-ecran-{width}");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.IsVisibleAsync(".no-print"));
        Assert.False(await page.IsVisibleAsync(".site-header nav"));
        Assert.True(await page.IsVisibleAsync(".handout"));
        await page.KeepScreenshotAsync($"selection-impression-{width}");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width + 10, $"Défilement horizontal à {width} px : {scrollWidth}");
    }

    [Fact]
    public async Task WithoutJavaScript_SearchFiltersAndPaginationWork()
    {
        var page = await fixture.OpenAsync("/", javaScript: false);
        await page.FillAsync("#q", "logement");
        await page.NavigateByAsync(() => page.ClickAsync("form[role=search] button[type=submit]"), url => url.Contains("q=logement", StringComparison.Ordinal), "la recherche");
        var all = await page.ResultCountAsync();
        Assert.True(all > 20, "Il faut plusieurs pages pour tester la pagination");

        await page.NavigateByAsync(() => page.ClickAsync("nav.pagination a[rel=next]"), url => url.Contains("page=2", StringComparison.Ordinal), "la page 2");
        Assert.Equal(Math.Min(20, all - 20), await page.Locator(".card").CountAsync());

        await page.NavigateByAsync(() => page.ClickAsync("details.facet[data-facet=departement] a[href*='territoire=45']"), url => url.Contains("territoire=45", StringComparison.Ordinal), "le filtre Loiret");
        Assert.DoesNotContain("page=2", page.Url, StringComparison.Ordinal);
        var publicLink = page.Locator("details.facet[data-facet=public] a").First;
        await page.ClickAsync("details.facet[data-facet=public] > summary");
        await page.NavigateByAsync(() => publicLink.ClickAsync(), url => url.Contains("public=", StringComparison.Ordinal), "le filtre public");
        await page.NavigateByAsync(() => page.ClickAsync(".facet a[href*='thematique=']"), url => url.Contains("thematique=", StringComparison.Ordinal), "le filtre thématique");
        Assert.Contains("territoire=45", page.Url, StringComparison.Ordinal);
        Assert.True(await page.ResultCountAsync() > 0);
        Assert.Equal(await page.ResultCountAsync() > 20 ? 20 : await page.ResultCountAsync(), await page.Locator(".card").CountAsync());
    }

    /// <summary>The count a facet link announces, « Loiret (12 offres) ».</summary>
    private static async Task<int> FacetCountAsync(ILocator link)
    {
        var text = await link.Locator(".count").TextContentAsync() ?? string.Empty;
        return int.Parse(new string([.. text.Where(char.IsDigit)]), System.Globalization.CultureInfo.InvariantCulture);
    }
}
