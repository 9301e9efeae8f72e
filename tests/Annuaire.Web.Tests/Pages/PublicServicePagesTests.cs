using System.Net;
using AngleSharp;
using Annuaire.Web.Services;
using AngleSharp.Html.Dom;

namespace Annuaire.Web.Tests.Pages;

/// <summary>The pages a French public-service site must publish, and the footer that leads to them.</summary>
public sealed class PublicServicePagesTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    public static TheoryData<string> PagesWithFooter => new() { "/", "/recherche?q=permis", "/integrer", "/selection", "/nulle-part", "/accessibilite", "/mentions-legales", "/donnees-personnelles" };

    private static async Task<IHtmlDocument> OpenAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, string url)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(url);
        var context = BrowsingContext.New(Configuration.Default);
        return (IHtmlDocument)await context.OpenAsync(r => r.Content(response.Content.ReadAsStream(TestContext.Current.CancellationToken)), TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(PagesWithFooter))]
    public async Task Footer_OnEveryPage_LinksTheThreePublicServicePages(string url)
    {
        var page = await OpenAsync(site, url);
        var links = page.QuerySelectorAll("footer nav[aria-label] a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        Assert.Equal(
            [("/accessibilite", "Accessibilité : partiellement conforme"), ("/mentions-legales", "Mentions légales"), ("/donnees-personnelles", "Données personnelles")],
            links);
    }

    [Fact]
    public async Task Accessibilite_StatesPartialConformityTestsNonConformitiesAndContact()
    {
        var page = await OpenAsync(site, "/accessibilite");

        Assert.Equal("Déclaration d'accessibilité", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("partiellement conforme", page.QuerySelector("#etat + p")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("RGAA", page.QuerySelector("#etat + p")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("4.1", page.QuerySelector("#etat + p")!.TextContent, StringComparison.Ordinal);
        var sections = page.QuerySelectorAll("h2").Select(h => h.Id).ToList();
        Assert.Equal(["etat", "tests", "non-conformites", "etablissement", "contact", "recours"], sections);
        Assert.Contains("axe-core", page.QuerySelector("#tests + ul")!.TextContent, StringComparison.Ordinal);
        Assert.True(page.QuerySelectorAll("#non-conformites ~ ul li").Length >= 3);
        Assert.NotNull(page.QuerySelector("a[href='mailto:contact@annuaire.example.org']"));
    }

    [Fact]
    public async Task Pages_WhenPublisherConfigured_ShowItsNameAndContact()
    {
        using var configured = site.WithWebHostBuilder(b =>
        {
            b.UseSetting("Annuaire:Publisher:Name", "Département du Loiret");
            b.UseSetting("Annuaire:Publisher:Email", "annuaire@loiret.example.fr");
            b.UseSetting("Annuaire:Publisher:AccessLogRetentionDays", "14");
        });

        foreach (var url in new[] { "/accessibilite", "/mentions-legales", "/donnees-personnelles" })
        {
            var page = await OpenAsync(configured, url);
            Assert.Contains("Département du Loiret", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(page.QuerySelector("main a[href='mailto:annuaire@loiret.example.fr']"));
        }

        var data = await OpenAsync(configured, "/donnees-personnelles");
        Assert.Contains("14 jours", data.QuerySelector("#journaux + p")!.TextContent.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_WhenPublisherEmailInvalid_Refuses()
    {
        StartupValidation.Run((services, configuration) => services.AddPublicPages(configuration), ("Annuaire:Publisher:Email", "annuaire@loiret.example.fr"));

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => StartupValidation.Run((services, configuration) => services.AddPublicPages(configuration), ("Annuaire:Publisher:Email", "pas une adresse")));
        Assert.Equal(typeof(PublisherOptions), error.OptionsType);
    }

    [Fact]
    public async Task MentionsLegales_NamePublisherDirectorAndHost()
    {
        var page = await OpenAsync(site, "/mentions-legales");
        Assert.Equal(["editeur", "publication", "hebergement", "contenus", "licences", "accessibilite", "donnees"], page.QuerySelectorAll("h2").Select(h => h.Id));
        Assert.NotEmpty(page.QuerySelector("#hebergement + p")!.TextContent.Trim());
    }

    [Theory]
    [MemberData(nameof(PagesWithFooter))]
    public async Task DonneesPersonnelles_SaysNoCookie_AndNoPageSetsOne(string url)
    {
        var page = await OpenAsync(site, "/donnees-personnelles");
        Assert.Contains("Aucun cookie", page.QuerySelector("#rien + ul")!.TextContent, StringComparison.Ordinal);

        using var client = site.CreateClient();
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.False(response.Headers.Contains("Set-Cookie"), $"{url} dépose un cookie");
    }

    [Theory]
    [InlineData("/accessibilite")]
    [InlineData("/mentions-legales")]
    [InlineData("/donnees-personnelles")]
    public async Task Page_IsServedWithTheStrictPolicy(string url)
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Annuaire.Web.Services.SecurityHeadersMiddleware.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
