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
        Assert.NotEmpty(page.QuerySelector(".open-now[data-ouverture][data-fenetre][hidden]")!.GetAttribute("data-ouverture")!);
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
    public async Task Selection_WhenNoteInAddress_NeverEchoesIt()
    {
        using var client = site.CreateClient();
        var html = await client.GetStringAsync("/selection?o=aide-permis-b-lozere&o=fsl-acces-maintien-lozere&o=inconnue&note=Rendez-vous+mardi+SECRET", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("SECRET", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Rendez-vous mardi", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Selection_ShowsHandoutInOrderWithAbsoluteLinksQrAndBlankLines()
    {
        var page = await site.GetDocumentAsync("/selection?o=fsl-acces-maintien-lozere&o=aide-permis-b-lozere&o=inconnue");
        Assert.Equal(["Fonds de solidarité pour le logement de la Lozère", "Aide du Département de la Lozère au permis B"], page.QuerySelectorAll(".handout-item h3").Select(h => h.TextContent.Trim()));
        // Printed on paper, so the address of each full offer is absolute, from the configured public address.
        Assert.Contains(page.QuerySelectorAll(".handout-item .meta"), p => p.TextContent.StartsWith($"Fiche complète : {SiteFactory.PublicUrl}/offres/aide-permis-b-lozere —", StringComparison.Ordinal));
        Assert.Equal(2, page.QuerySelectorAll(".handout-item .qr svg[role=img][aria-label]").Length);
        Assert.Equal(2, page.QuerySelectorAll(".handout-note .write-lines .line").Length);
        Assert.Null(page.QuerySelector("textarea[name]"));
        Assert.Contains(page.QuerySelectorAll(".notice"), n => n.TextContent.Contains("inconnue", StringComparison.Ordinal));
    }
}
