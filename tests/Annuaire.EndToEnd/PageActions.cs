using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Annuaire.EndToEnd;

/// <summary>What the browser tests do to a page: open it, move by keyboard, check it with axe, keep a screenshot.</summary>
internal static class PageActions
{
    public static Task<IPage> OpenAsync(this BrowserFixture fixture, string path, int width = 1280, bool javaScript = true, int height = 900) =>
        fixture.Browser.OpenAsync(fixture.SiteUrl + path, width, javaScript, height);

    /// <summary>Opens <paramref name="url"/> in a fresh context (own storage) of <paramref name="browser"/>.</summary>
    public static async Task<IPage> OpenAsync(this IBrowser browser, string url, int width = 1280, bool javaScript = true, int height = 900)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, JavaScriptEnabled = javaScript, Locale = "fr-FR", TimezoneId = "Europe/Paris" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        return page;
    }

    /// <summary>Types <paramref name="text"/> key by key in the search box and waits for the suggestions list.</summary>
    public static async Task TypeForSuggestionsAsync(this IPage page, string text)
    {
        await page.FocusAsync("#q");
        await page.Keyboard.TypeAsync(text, new() { Delay = 50 });
        await page.WaitForSelectorAsync("#q-suggestions li");
    }

    /// <summary>Presses Tab (or Shift+Tab) until the focused element matches <paramref name="selector"/>.</summary>
    public static async Task TabToAsync(this IPage page, string selector, int maxPresses = 200, bool backwards = false)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement !== null && document.activeElement.matches(s)", selector))
            {
                await AssertFocusVisibleAsync(page);
                return;
            }
        }

        var focused = await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : '(rien)'");
        Assert.Fail($"« {selector} » jamais atteint au clavier en {maxPresses} tabulations ; focus sur : {focused}");
    }

    /// <summary>Presses Enter on the focused element and waits for the address to match (see <see cref="NavigateByAsync"/>).</summary>
    public static Task EnterAndWaitAsync(this IPage page, Func<string, bool> arrived, string expected) =>
        page.NavigateByAsync(() => page.Keyboard.PressAsync("Enter"), arrived, expected);

    /// <summary>
    /// Does <paramref name="act"/> (a key press, a click) and waits for a new document whose address
    /// matches. The current document is marked first: an address that already matches (the same
    /// search submitted again) does not count until the document changes. If nothing arrives within
    /// 15 s, the incident is written to <c>incidents.txt</c> beside the captures (focus, address,
    /// requests seen since the action); the action is done once more only if the marked document is
    /// still shown (the action was lost), never on a page that has changed meanwhile, where its
    /// locator could pick another element; a second miss fails with the same details.
    /// </summary>
    public static async Task NavigateByAsync(this IPage page, Func<Task> act, Func<string, bool> arrived, string expected)
    {
        var requests = new List<string>();
        void Record(object? sender, IRequest request) => requests.Add(request.Method + " " + request.Url);
        page.Request += Record;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var mark = Guid.NewGuid().ToString("N");
                var focused = await page.EvaluateAsync<string>("m => { window.__annuaireMark = m; return document.activeElement ? document.activeElement.outerHTML.slice(0, 160) : '-'; }", mark);
                await act();

                // Poll rather than WaitForURLAsync: its waiter was seen to miss a navigation that had
                // happened (page.Url right, request sent, wait timed out).
                var deadline = DateTime.UtcNow.AddSeconds(15);
                while (!(arrived(page.Url) && await DocumentChangedAsync(page, mark)))
                {
                    if (DateTime.UtcNow > deadline)
                    {
                        break;
                    }

                    await Task.Delay(50);
                }

                if (arrived(page.Url) && await DocumentChangedAsync(page, mark))
                {
                    await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
                    return;
                }

                var incident = $"Action sans navigation vers {expected} ; adresse {page.Url} ; focus {focused} ; requêtes {string.Join(" | ", requests)}";
                if (attempt > 1 || await DocumentChangedAsync(page, mark))
                {
                    throw new TimeoutException((attempt > 1 ? "Deux fois : " : "Autre page atteinte : ") + incident);
                }

                await File.AppendAllTextAsync(Path.Combine(BrowserFixture.Artifacts, "incidents.txt"), $"{DateTimeOffset.UtcNow:O} {incident}{Environment.NewLine}");
            }
        }
        finally
        {
            page.Request -= Record;
        }
    }

    /// <summary>Whether the document marked with <paramref name="mark"/> has been replaced (false while a navigation is between documents).</summary>
    private static async Task<bool> DocumentChangedAsync(IPage page, string mark)
    {
        try
        {
            return await page.EvaluateAsync<bool>("m => window.__annuaireMark !== m", mark);
        }
        catch (PlaywrightException)
        {
            return false; // The old document's context is gone and the new one is not ready: ask again.
        }
    }

    /// <summary>The focused element shows a focus indicator (outline or box shadow).</summary>
    public static async Task AssertFocusVisibleAsync(this IPage page)
    {
        var style = await page.EvaluateAsync<string>("""
            () => { const s = getComputedStyle(document.activeElement);
                    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
                    return (outline || s.boxShadow !== 'none' ? 'visible' : 'invisible') + ' : ' + document.activeElement.outerHTML.slice(0, 120); }
            """);
        var visible = style.StartsWith("visible", StringComparison.Ordinal);
        Assert.True(visible, $"Focus invisible : {style}");
    }

    /// <summary>The number in the results heading (« 12 offres », « Aucune offre »).</summary>
    public static async Task<int> ResultCountAsync(this IPage page)
    {
        var text = await page.TextContentAsync("#resultats-titre") ?? string.Empty;
        var digits = new string([.. text.TakeWhile(char.IsDigit)]);
        return digits.Length == 0 ? 0 : int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task KeepScreenshotAsync(this IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, name + ".png"), FullPage = fullPage });

    /// <summary>axe-core at WCAG 2.1 A and AA, no rule disabled: zero violations, and axe really checked something.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, string name)
    {
        await page.KeepScreenshotAsync(name);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(result.Passes.Length > 10, name + " : axe n'a presque rien vérifié");
        Assert.True(result.Violations.Length == 0, name + " : " + string.Join("\n", result.Violations.Select(v => $"{v.Id} ({v.Impact}) : {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
