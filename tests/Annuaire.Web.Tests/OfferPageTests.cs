using System.Net;

namespace Annuaire.Web.Tests;

public sealed class OfferPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Offer_ShowsContactsHoursInFrenchEditLinkAndRelated()
    {
        var page = await site.GetDocumentAsync("/offres/fsl-acces-maintien-lozere");
        Assert.Equal("Fonds de solidarité pour le logement de la Lozère", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href^='tel:']"));
        Assert.NotNull(page.QuerySelector("a[href^='mailto:']"));
        Assert.Contains(page.QuerySelectorAll(".hours li"), li => li.TextContent.Contains("Du lundi au vendredi, 8 h 30–12 h et 13 h 30–17 h", StringComparison.Ordinal));
        Assert.Matches("^(Ouvert maintenant|Fermé actuellement)$", page.QuerySelector(".open-now")!.TextContent);
        Assert.Contains(page.QuerySelectorAll(".actions a"), a => a.GetAttribute("href")!.EndsWith("content/offres/lozere/fsl-acces-maintien-lozere.md", StringComparison.Ordinal));
        Assert.NotEmpty(page.QuerySelectorAll(".related a"));
        Assert.NotNull(page.QuerySelector("link[rel=canonical][href='/offres/fsl-acces-maintien-lozere']"));
    }

    [Fact]
    public async Task Offer_WhenUnknown_Returns404InFrenchWithSearchBox()
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync("/offres/nexiste-pas", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Page introuvable", html, StringComparison.Ordinal);
        Assert.Contains("name=\"q\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Selection_ShowsHandoutWithNote()
    {
        var page = await site.GetDocumentAsync("/selection?o=aide-permis-b-lozere&o=fsl-acces-maintien-lozere&o=inconnue&note=Rendez-vous+mardi");
        Assert.Equal(2, page.QuerySelectorAll(".handout-item").Length);
        Assert.Equal("Rendez-vous mardi", page.QuerySelector(".handout-note")!.TextContent);
        // Printed on paper, so the address of each full offer is absolute.
        Assert.Contains(page.QuerySelectorAll(".handout-item .meta"), p => p.TextContent.StartsWith("Fiche complète : http://localhost/offres/aide-permis-b-lozere —", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll(".notice"), n => n.TextContent.Contains("inconnue", StringComparison.Ordinal));
    }
}
