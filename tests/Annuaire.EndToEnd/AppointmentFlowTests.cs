using Microsoft.Playwright;

namespace Annuaire.EndToEnd;

/// <summary>
/// During an appointment, in a real browser: the phone on the first screen of a phone, « Ma
/// sélection » across searches and an offer page, the handout and its sending, and the open-now
/// filter and status on a fixed clock (a public holiday, a temporary closure).
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class AppointmentFlowTests(BrowserFixture fixture, ClockSiteFixture clockSite) : IClassFixture<ClockSiteFixture>
{
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    [Fact]
    public async Task OfferPage_OnA375PxPhone_ShowsTheTappablePhoneOnTheFirstScreen()
    {
        var page = await fixture.OpenAsync("/offres/garage-solidaire-montargois", width: 375, height: 667);
        var phone = await page.Locator("#contacter ~ ul.contact a.tel").BoundingBoxAsync();
        Assert.NotNull(phone);
        Assert.True(phone.Y + phone.Height <= 667, $"Téléphone à {phone.Y + phone.Height} px, sous le premier écran (667 px)");
        Assert.True(phone.Height >= 44 && phone.Width >= 44, $"Cible de {phone.Width} × {phone.Height} px");
        await page.AssertAccessibleAsync("offre-375");
    }

    [Fact]
    public async Task Search_OnA375PxPhone_FirstResultStartsOnTheFirstScreen()
    {
        var page = await fixture.OpenAsync("/recherche?q=garage+solidaire&territoire=45", width: 375, height: 667);
        var card = await page.Locator(".card h3 a").First.BoundingBoxAsync();
        Assert.NotNull(card);
        Assert.True(card.Y + card.Height <= 667, $"Premier résultat à {card.Y} px, sous le premier écran (667 px)");
    }

    [Fact]
    public async Task Selection_AcrossTwoSearchesAndAnOfferPage_ReorderThenHandoutWithQrAndNoNoteSent()
    {
        var page = await fixture.OpenAsync("/recherche?q=garage");
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        var titles = new List<string> { (await page.TextContentAsync(".card h3 a >> nth=0"))! };
        await page.CheckAsync(".card input[data-selection] >> nth=0");
        Assert.Equal(" (1)", await page.TextContentAsync("[data-selection-count]"));
        Assert.True(await page.IsVisibleAsync("[data-selection-bar]"));

        await page.FillAsync("#q", "hebergement urgence");
        await page.NavigateByAsync(() => page.PressAsync("#q", "Enter"), url => url.Contains("q=hebergement", StringComparison.Ordinal), "la deuxième recherche");
        titles.Add((await page.TextContentAsync(".card h3 a >> nth=0"))!);
        await page.CheckAsync(".card input[data-selection] >> nth=0");
        await page.AssertAccessibleAsync("recherche-avec-selection");

        await page.NavigateByAsync(() => page.ClickAsync(".card h3 a >> nth=1"), url => url.Contains("/offres/", StringComparison.Ordinal), "une offre");
        titles.Add((await page.TextContentAsync("h1"))!);
        await page.ClickAsync("[data-selection-toggle]");
        Assert.Equal("true", await page.GetAttributeAsync("[data-selection-toggle]", "aria-pressed"));
        Assert.Equal(" (3)", await page.TextContentAsync("[data-selection-count]"));
        await page.AssertAccessibleAsync("offre-ajoutee-a-la-selection");

        await page.NavigateByAsync(() => page.ClickAsync("[data-selection-go]"), url => url.Contains("/selection?", StringComparison.Ordinal), "ma sélection");
        Assert.Equal(titles, await page.Locator(".handout-item h3").AllTextContentsAsync());
        Assert.Equal(3, await page.Locator(".handout-item .qr svg[role=img]").CountAsync());

        // « Descendre » on the first: the order chosen changes, and is kept.
        await page.NavigateByAsync(() => page.ClickAsync("[data-selection-item] >> nth=0 >> text=Descendre"), url => url.Contains("#offre-", StringComparison.Ordinal), "la sélection réordonnée");
        Assert.Equal([titles[1], titles[0], titles[2]], await page.Locator(".handout-item h3").AllTextContentsAsync());
        Assert.Equal(" (3)", await page.TextContentAsync("[data-selection-count]"));

        await page.FillAsync("#fiche-conseiller", "Camille Conseillère");
        await page.FillAsync("#note", "Rendez-vous mardi NOTE-PRIVEE");
        Assert.Equal("Rendez-vous mardi NOTE-PRIVEE", await page.TextContentAsync("[data-fiche-note-affiche]"));
        Assert.Equal("Camille Conseillère", await page.TextContentAsync("[data-fiche-affiche=conseiller]"));
        foreach (var link in new[] { "courriel", "sms" })
        {
            var href = Uri.UnescapeDataString((await page.GetAttributeAsync($"a[data-envoi={link}]", "href"))!);
            Assert.DoesNotContain("NOTE-PRIVEE", href, StringComparison.Ordinal);
            Assert.DoesNotContain("Camille", href, StringComparison.Ordinal);
            Assert.Contains("/offres/", href, StringComparison.Ordinal);
        }

        Assert.StartsWith("mailto:", await page.GetAttributeAsync("a[data-envoi=courriel]", "href"), StringComparison.Ordinal);
        Assert.StartsWith("sms:", await page.GetAttributeAsync("a[data-envoi=sms]", "href"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync("selection-avec-note");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.True(await page.IsVisibleAsync("[data-fiche-note-affiche]"));
        Assert.False(await page.IsVisibleAsync("#note"));
        await page.KeepScreenshotAsync("fiche-impression-avec-note");

        // The note reached no URL: not the page's, not any request the browser made.
        Assert.DoesNotContain("NOTE", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(requests, r => r.Contains("NOTE", StringComparison.Ordinal) || r.Contains("Camille", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Selection_WithoutJavaScript_PrintsBlankLinesForTheNote()
    {
        var page = await fixture.OpenAsync("/selection?o=garage-solidaire-montargois&note=SECRET", javaScript: false);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.Equal(2, await page.Locator(".handout-note .write-lines .line").CountAsync());
        Assert.True(await page.IsVisibleAsync(".handout-note .write-lines"));
        Assert.DoesNotContain("SECRET", await page.ContentAsync(), StringComparison.Ordinal);
        await page.KeepScreenshotAsync("fiche-sans-javascript");
    }

    [Fact]
    public async Task OpenNow_OnBastilleDay_FilterKeepsTheAlwaysOpenOffer_AndStatusesTellTheHoliday()
    {
        var now = new DateTimeOffset(2026, 7, 14, 10, 0, 0, Summer); // a Tuesday, public holiday
        await clockSite.SetTimeAsync(now);
        var page = await OpenAtAsync("/recherche", now);
        Assert.Equal(4, await page.ResultCountAsync());

        await page.NavigateByAsync(() => page.ClickAsync(".facet-open a"), url => url.Contains("ouvert=maintenant", StringComparison.Ordinal), "le filtre ouvert maintenant");
        Assert.Equal(["Accueil de jour et de nuit"], await page.Locator(".card h3 a").AllTextContentsAsync());
        Assert.Equal("Ouvert maintenant", await page.TextContentAsync(".card .open-now"));
        await page.AssertAccessibleAsync("recherche-ouvert-maintenant");

        var offer = await OpenAtAsync("/offres/permanence-semaine", now);
        Assert.Equal("Fermé actuellement, ouvre demain à 9 h", await offer.TextContentAsync(".place .open-now"));
        await offer.AssertAccessibleAsync("offre-jour-ferie");
    }

    [Fact]
    public async Task OpenNow_DuringATemporaryClosure_FilterLeavesItOut_AndTheOfferSaysWhenItReopens()
    {
        var now = new DateTimeOffset(2026, 7, 29, 10, 0, 0, Summer); // a Wednesday, the workshop is closed until 31 July
        await clockSite.SetTimeAsync(now);
        var page = await OpenAtAsync("/recherche?ouvert=maintenant", now);
        Assert.Equal(["Accueil de jour et de nuit", "Permanence emploi de la semaine"], (await page.Locator(".card h3 a").AllTextContentsAsync()).Order(StringComparer.Ordinal));

        var offer = await OpenAtAsync("/offres/atelier-ferme-en-juillet", now);
        Assert.Equal("Fermeture temporaire du 1 juillet au 31 juillet 2026 (travaux).", await offer.TextContentAsync(".badge-warning"));
        Assert.Equal("Fermé actuellement, ouvre lundi à 9 h", await offer.TextContentAsync(".place .open-now"));
        await offer.AssertAccessibleAsync("offre-fermeture-temporaire");
    }

    /// <summary>A page of the clock site with the browser's clock at <paramref name="now"/> too.</summary>
    private async Task<IPage> OpenAtAsync(string path, DateTimeOffset now)
    {
        var context = await fixture.Browser.NewContextAsync(new() { Locale = "fr-FR", TimezoneId = "Europe/Paris", ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.Clock.SetFixedTimeAsync(now.UtcDateTime);
        await page.GotoAsync(clockSite.SiteUrl + path);
        return page;
    }
}
