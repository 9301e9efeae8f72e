using System.Net;
using AngleSharp;
using Annuaire.Web.Services;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Annuaire.Web.Tests;

/// <summary>The embeddable widget: presets, links, framing policy and CORS from configuration.</summary>
public sealed class WidgetTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Intranet = "https://intranet.loiret.example.org";

    private WebApplicationFactory<Program> WithOrigins(params string[] origins) =>
        site.WithWebHostBuilder(b =>
        {
            for (var i = 0; i < origins.Length; i++)
            {
                b.UseSetting($"Annuaire:Widget:AllowedOrigins:{i}", origins[i]);
            }
        });

    [Fact]
    public async Task Widget_WhenPresets_ShowsOnlyMatchingOffersWithLinksInNewTab()
    {
        var page = await site.GetDocumentAsync("/widget?territoire=48&thematique=mobilite&taille=3");
        var links = page.QuerySelectorAll(".widget-results h2 a").ToList();
        Assert.Equal(3, links.Count);
        Assert.All(links, a =>
        {
            Assert.StartsWith("/offres/", a.GetAttribute("href"), StringComparison.Ordinal);
            Assert.Equal("_blank", a.GetAttribute("target"));
            Assert.Contains("noopener", a.GetAttribute("rel"), StringComparison.Ordinal);
        });
        // Presets travel as hidden fields: the visitor's search stays inside them.
        Assert.NotNull(page.QuerySelector("input[type=hidden][name=territoire][value='48']"));
        Assert.NotNull(page.QuerySelector("input[type=hidden][name=thematique][value=mobilite]"));
        Assert.Null(page.QuerySelector(".widget-filters"));
        Assert.NotNull(page.QuerySelector("html[lang=fr] title"));
    }

    [Fact]
    public async Task Widget_WhenEmbeddedByAllowedOrigin_CarriesItThroughSearchesAndPages()
    {
        using var factory = WithOrigins(Intranet);
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/widget?territoire=45&taille=2&filtres=oui&origine=" + Uri.EscapeDataString(Intranet), TestContext.Current.CancellationToken);
        var page = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html), TestContext.Current.CancellationToken);

        // The frame reports its height to this origin only, also after the visitor searches or pages.
        Assert.Equal(Intranet, page.Body!.GetAttribute("data-origine"));
        Assert.NotNull(page.QuerySelector($"form.widget-form input[type=hidden][name=origine][value='{Intranet}']"));
        Assert.All(page.QuerySelectorAll(".widget-pages a, .widget-filters a"), a => Assert.Contains("origine=" + Uri.EscapeDataString(Intranet), a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.NotEmpty(page.QuerySelectorAll(".widget-pages a"));
    }

    [Theory]
    [InlineData("https://pirate.example.org")]
    [InlineData("javascript:alert(1)")]
    public async Task Widget_WhenOriginNotAllowed_IgnoresIt(string origin)
    {
        using var factory = WithOrigins(Intranet);
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/widget?territoire=45&origine=" + Uri.EscapeDataString(origin), TestContext.Current.CancellationToken);
        var page = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html), TestContext.Current.CancellationToken);

        Assert.True(string.IsNullOrEmpty(page.Body!.GetAttribute("data-origine")));
        Assert.Null(page.QuerySelector("input[name=origine]"));
    }

    [Fact]
    public async Task Widget_WhenFiltersShown_OffersFamilies()
    {
        var page = await site.GetDocumentAsync("/widget?territoire=61&filtres=oui");
        Assert.NotEmpty(page.QuerySelectorAll(".widget-filters a"));
    }

    [Fact]
    public async Task Widget_FrameAncestors_FollowConfigurationButMainSiteStaysSelf()
    {
        using var client = WithOrigins(Intranet).CreateClient();
        var widget = await client.GetAsync("/widget?territoire=45", TestContext.Current.CancellationToken);
        Assert.EndsWith($"frame-ancestors 'self' {Intranet}", widget.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var main = await client.GetAsync("/recherche", TestContext.Current.CancellationToken);
        Assert.EndsWith("frame-ancestors 'self'", main.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Widget_WhenNoOriginConfigured_OnlySameSiteMayFrame()
    {
        using var client = site.CreateClient();
        var widget = await client.GetAsync("/widget", TestContext.Current.CancellationToken);
        Assert.EndsWith("frame-ancestors 'self'", widget.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_Cors_AllowsConfiguredOriginsOnly()
    {
        using var client = WithOrigins(Intranet).CreateClient();
        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/api/offres?q=rsa");
        allowed.Headers.Add("Origin", Intranet);
        var ok = await client.SendAsync(allowed, TestContext.Current.CancellationToken);
        Assert.Equal(Intranet, ok.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var refused = new HttpRequestMessage(HttpMethod.Get, "/api/offres?q=rsa");
        refused.Headers.Add("Origin", "https://autre-site.example.org");
        var no = await client.SendAsync(refused, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, no.StatusCode);
        Assert.False(no.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("intranet.loiret.example.org")]
    [InlineData("https://intranet.loiret.example.org/annuaire")]
    [InlineData("ftp://intranet.loiret.example.org")]
    public void Startup_WhenAllowedOriginIsNotAnOrigin_RefusesToStartWithFrenchMessage(string origin)
    {
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => StartupValidation.Run(
            (services, configuration) => services.AddWidgetOptions(configuration),
            ("Annuaire:Widget:AllowedOrigins:0", Intranet),
            ("Annuaire:Widget:AllowedOrigins:1", origin)));
        Assert.Contains($"« {origin} » n'est pas une origine", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://intranet.loiret.example.org/")]
    [InlineData("http://localhost:8080")]
    public void Validate_WhenOriginWellFormed_Succeeds(string origin)
    {
        var options = new Annuaire.Web.Services.WidgetOptions();
        options.AllowedOrigins.Add(origin);
        Assert.True(new Annuaire.Web.Services.WidgetOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public async Task Configurator_ShowsBothSnippetsAndPreview()
    {
        var page = await site.GetDocumentAsync("/integrer?territoire=45&thematique=mobilite&taille=4&filtres=oui");
        var snippets = page.QuerySelectorAll("pre code").Select(c => c.TextContent).ToList();
        Assert.Contains(snippets, s => s.Contains("/widget.js\"", StringComparison.Ordinal) && s.Contains("data-territoire=\"45\"", StringComparison.Ordinal) && s.Contains("data-filtres=\"oui\"", StringComparison.Ordinal));
        Assert.Contains(snippets, s => s.StartsWith("<iframe", StringComparison.Ordinal) && s.Contains("title=", StringComparison.Ordinal));
        Assert.Equal("/widget?territoire=45&thematique=mobilite&taille=4&filtres=oui", page.QuerySelector("iframe.preview")!.GetAttribute("src"));
    }

    [Fact]
    public async Task EmbedScript_ChecksMessageOrigin()
    {
        using var client = site.CreateClient();
        var script = await client.GetStringAsync("/widget.js", TestContext.Current.CancellationToken);
        Assert.Contains("event.origin !== origin", script, StringComparison.Ordinal);
        Assert.Contains("event.source !== frame.contentWindow", script, StringComparison.Ordinal);
        var frame = await client.GetStringAsync("/js/widget-frame.js", TestContext.Current.CancellationToken);
        Assert.Contains("postMessage({ type: \"annuaire-hauteur\", height: height }, parentOrigin)", frame, StringComparison.Ordinal);
    }
}
