namespace Annuaire.EndToEnd;

/// <summary>The widget on an intranet page served from another loopback origin.</summary>
[Collection(SharedBrowser.Name)]
public sealed class WidgetEmbeddingTests(BrowserFixture fixture)
{
    private const string FrameHeight = "() => parseInt(document.querySelector('iframe').style.height)";

    [Fact]
    public async Task Widget_EmbeddedByScript_HeightFollowsContentAlsoAfterSearchingInside()
    {
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.HostUrl + "/script.html");
        var frame = page.FrameLocator("iframe");
        await frame.Locator(".widget-results li").First.WaitForAsync();
        await page.WaitForFunctionAsync(FrameHeight + " !== 420");
        await AssertFrameFitsContentAsync(page);
        var tall = await page.EvaluateAsync<int>(FrameHeight);
        await page.KeepScreenshotAsync("widget-intranet");

        // A search with no result inside the frame: the content shrinks, so must the frame.
        await frame.Locator("#wq").FillAsync("zzzqqqwww");
        await frame.Locator("#wq").PressAsync("Enter");
        await frame.Locator(".widget-count").WaitForAsync();
        await page.WaitForFunctionAsync($"() => parseInt(document.querySelector('iframe').style.height) < {tall}");
        await AssertFrameFitsContentAsync(page);
        await page.KeepScreenshotAsync("widget-intranet-sans-resultat");
    }

    [Fact]
    public async Task Widget_PlainIframeFromAllowedOrigin_ShowsPrefilteredResults()
    {
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.HostUrl + "/iframe.html");
        var count = page.FrameLocator("#f").Locator(".widget-count");
        await count.WaitForAsync();
        Assert.Contains("offre", await count.TextContentAsync(), StringComparison.Ordinal);
        // Pre-filtered on the Loiret: every result link leads to an offer of the Loiret or a national one.
        Assert.True(await page.FrameLocator("#f").Locator(".widget-results li").CountAsync() > 0);
    }

    [Fact]
    public async Task Widget_FromOriginNotAllowed_IsBlockedByTheBrowser()
    {
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var widgetResponse = page.WaitForResponseAsync(r => r.Url.Contains("/widget?", StringComparison.Ordinal));
        await page.GotoAsync(fixture.OtherHostUrl + "/iframe.html");
        var response = await widgetResponse;

        // The site answered, with a policy that names only itself and the allowed intranet…
        var policy = await response.HeaderValueAsync("content-security-policy") ?? string.Empty;
        Assert.Contains("frame-ancestors", policy, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.OtherHostUrl, policy, StringComparison.Ordinal);
        // …so Chromium replaced the frame with its error page.
        await page.WaitForFunctionAsync("() => true");
        var frame = page.Frames.Single(f => f != page.MainFrame);
        await frame.WaitForLoadStateAsync();
        Assert.DoesNotContain("/widget", frame.Url, StringComparison.Ordinal);
        Assert.Equal(0, await frame.Locator(".widget-count").CountAsync());
        await page.KeepScreenshotAsync("widget-origine-refusee", fullPage: false);
    }

    private static async Task AssertFrameFitsContentAsync(Microsoft.Playwright.IPage page)
    {
        var frameHeight = await page.EvaluateAsync<int>(FrameHeight);
        var frame = page.Frames.Single(f => f != page.MainFrame);
        var contentHeight = await frame.EvaluateAsync<int>(
            "() => { const s = getComputedStyle(document.body); return Math.ceil(document.body.getBoundingClientRect().height + parseFloat(s.marginTop) + parseFloat(s.marginBottom)); }");
        // Neither cut (an inner scroll bar) nor padded with empty space.
        Assert.InRange(frameHeight, contentHeight - 4, contentHeight + 4);
        Assert.False(await frame.EvaluateAsync<bool>("() => document.documentElement.scrollHeight > document.documentElement.clientHeight + 1"), "Barre de défilement dans le cadre");
    }
}
