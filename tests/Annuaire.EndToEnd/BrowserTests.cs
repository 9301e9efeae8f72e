using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Annuaire.EndToEnd;

/// <summary>What an adviser sees, in a real browser: flows, accessibility (axe, WCAG 2.1 AA), widget.</summary>
public sealed class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> OpenAsync(string path, int width = 1280, bool javaScript = true)
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, JavaScriptEnabled = javaScript, Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.SiteUrl + path);
        return page;
    }

    private static async Task AssertAccessibleAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, name + ".png"), FullPage = true });
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(result.Passes.Length > 10, name + " : axe n'a presque rien vérifié");
        Assert.True(result.Violations.Length == 0, name + " : " + string.Join("\n", result.Violations.Select(v => $"{v.Id} ({v.Impact}) : {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    [Theory]
    [InlineData("/recherche?q=hebergement+urgence", "recherche")]
    [InlineData("/recherche?q=zzzqqqwww", "recherche-sans-resultat")]
    [InlineData("/offres/fsl-acces-maintien-lozere", "offre")]
    [InlineData("/selection?o=aide-permis-b-lozere&o=fsl-acces-maintien-lozere&note=Rendez-vous+mardi", "selection")]
    [InlineData("/widget?territoire=45&thematique=mobilite&filtres=oui", "widget")]
    [InlineData("/offres/nexiste-pas", "404")]
    [InlineData("/integrer?territoire=45", "integrer")]
    public async Task Page_HasNoAccessibilityViolations(string path, string name)
    {
        var page = await OpenAsync(path);
        await AssertAccessibleAsync(page, name);
    }

    [Fact]
    public async Task Search_FilterByDepartementThenPublic_OpenOffer_BackKeepsState()
    {
        var page = await OpenAsync("/");
        await page.FillAsync("#q", "hebergement urgence");
        await page.PressAsync("#q", "Enter");
        await page.WaitForURLAsync("**/recherche?q=hebergement*");
        await page.ClickAsync(".facet a:has-text('Loiret')");
        await page.WaitForURLAsync("**territoire=45**");
        var count = await page.TextContentAsync("#resultats-titre");
        await page.ClickAsync(".card h3 a >> nth=0");
        await page.WaitForURLAsync("**/offres/**");
        await page.GoBackAsync();
        Assert.Contains("territoire=45", page.Url, StringComparison.Ordinal);
        Assert.Equal(count, await page.TextContentAsync("#resultats-titre"));
    }

    [Fact]
    public async Task Autocomplete_TypeAndPickWithKeyboard()
    {
        var page = await OpenAsync("/");
        await page.FocusAsync("#q");
        await page.Keyboard.TypeAsync("perm", new() { Delay = 50 });
        await page.WaitForSelectorAsync("#q-suggestions li");
        Assert.Equal("true", await page.GetAttributeAsync("#q", "aria-expanded"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.NotNull(await page.GetAttributeAsync("#q", "aria-activedescendant"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/offres/", StringComparison.Ordinal) || url.Contains("/recherche?q=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Selection_ThreeOffersThenPrintView_At320px()
    {
        var page = await OpenAsync("/recherche?q=logement", width: 320);
        for (var i = 0; i < 3; i++)
        {
            await page.CheckAsync($".card input[name=o] >> nth={i}");
        }

        await page.ClickAsync("button:has-text('fiche à remettre')");
        await page.WaitForURLAsync("**/selection?**");
        Assert.Equal(3, await page.Locator(".handout-item").CountAsync());
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.IsVisibleAsync(".no-print"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "selection-impression-320.png"), FullPage = true });
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 330, $"Défilement horizontal à 320 px : {scrollWidth}");
    }

    [Fact]
    public async Task WithoutJavaScript_SearchAndFiltersWork()
    {
        var page = await OpenAsync("/", javaScript: false);
        await page.FillAsync("#q", "permis");
        await page.ClickAsync("form[role=search] button[type=submit]");
        await page.WaitForURLAsync("**q=permis**");
        await page.ClickAsync(".facet a:has-text('Mobilité')");
        await page.WaitForURLAsync("**thematique=mobilite**");
        Assert.True(await page.Locator(".card").CountAsync() > 0);
    }

    [Fact]
    public async Task Widget_EmbeddedByScriptFromAllowedOrigin_ResizesToContent()
    {
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.HostUrl + "/script.html");
        var frame = page.Locator("iframe[title]");
        await frame.WaitForAsync();
        await page.WaitForFunctionAsync("() => parseInt(document.querySelector('iframe').style.height) !== 420");
        var height = await page.EvaluateAsync<int>("parseInt(document.querySelector('iframe').style.height)");
        Assert.True(height > 420, $"hauteur {height}");
        Assert.True(await page.FrameLocator("iframe").Locator(".widget-results li").CountAsync() > 0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "widget-intranet.png"), FullPage = true });
    }

    [Fact]
    public async Task Widget_PlainIframeFromAllowedOrigin_ShowsPrefilteredResults()
    {
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.HostUrl + "/iframe.html");
        await page.FrameLocator("#f").Locator(".widget-count").WaitForAsync();
        Assert.Contains("offre", await page.FrameLocator("#f").Locator(".widget-count").TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Widget_FromOriginNotAllowed_IsRefusedFraming()
    {
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.OtherHostUrl + "/iframe.html");
        await page.WaitForTimeoutAsync(1500);
        // The browser blocks the frame (frame-ancestors): none of the widget's content is rendered in it.
        Assert.Equal(0, await page.FrameLocator("#f").Locator(".widget-count").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "widget-origine-refusee.png") });
    }
}
