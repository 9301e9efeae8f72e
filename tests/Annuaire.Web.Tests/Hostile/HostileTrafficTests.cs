using System.Net;
using System.Text.Json;
using AngleSharp;

namespace Annuaire.Web.Tests.Hostile;

/// <summary>The attacks of issue 12 by request (and the proxy settings of issue 13): each answered sanely.</summary>
public sealed class HostileTrafficTests(HostileTrafficTests.OpenSite open) : IClassFixture<HostileTrafficTests.OpenSite>
{
    private const string Evil = "evil.example.com";
    private const string Intranet = "http://h:5999";

    /// <summary>
    /// The site with host filtering switched off on purpose (even then, no URL may come from the
    /// Host header) and an allowed intranet.
    /// </summary>
    public sealed class OpenSite : IDisposable
    {
        public SiteFactory Site { get; } = new()
        {
            Settings = new Dictionary<string, string> { ["AllowedHosts"] = "*", ["Annuaire:Widget:AllowedOrigins:0"] = Intranet },
        };

        public void Dispose() => Site.Dispose();
    }

    private SiteFactory Site => open.Site;

    private static HttpRequestMessage Get(string url, string? client = null, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (client is not null)
        {
            request.Headers.Add(SiteFactory.ClientAddressHeader, client);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    public static TheoryData<string> PagesWithAbsoluteUrls() =>
    [
        "/integrer",
        "/selection?o=aide-permis-b-lozere",
        "/sitemap.xml",
        "/opensearch.xml",
        "/api/export/data-inclusion/services.json",
        "/openapi/v1.json",
    ];

    [Theory]
    [MemberData(nameof(PagesWithAbsoluteUrls))]
    public async Task AbsoluteUrls_WhenHostHeaderIsHostile_ComeFromPublicUrl(string url)
    {
        using var client = Site.CreateClient();
        using var request = Get(url, headers: [("X-Forwarded-Host", Evil)]);
        request.Headers.Host = Evil;

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(Evil, body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(SiteFactory.PublicUrl, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/erreur/101", HttpStatusCode.NotFound)]
    [InlineData("/erreur/-1", HttpStatusCode.NotFound)]
    [InlineData("/erreur/200", HttpStatusCode.NotFound)]
    [InlineData("/erreur/600", HttpStatusCode.NotFound)]
    [InlineData("/erreur/503", HttpStatusCode.ServiceUnavailable)]
    [InlineData("/erreur/404", HttpStatusCode.NotFound)]
    public async Task ErrorPage_WhenCodeOutside400To599_IsNotFound(string url, HttpStatusCode expected)
    {
        using var client = Site.CreateClient();

        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }

    [Theory]
    [InlineData("POST", "/recherche")]
    [InlineData("PUT", "/offres/aide-permis-b-lozere")]
    [InlineData("DELETE", "/api/offres")]
    [InlineData("PATCH", "/")]
    [InlineData("TRACE", "/recherche")]
    [InlineData("TRACE", "/offres/aide-permis-b-lozere")]
    [InlineData("TRACE", "/widget")]
    [InlineData("OPTIONS", "/recherche")]
    public async Task Request_WhenMethodIsNotGetOrHead_Answers405BeforeAnyPage(string method, string url)
    {
        using var client = Site.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), url);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET, HEAD"], response.Content.Headers.Allow.Count > 0 ? [string.Join(", ", response.Content.Headers.Allow)] : response.Headers.GetValues("Allow"));
    }

    [Fact]
    public async Task Request_WhenHeadOrCorsPreflight_IsServed()
    {
        using var client = Site.CreateClient();
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/recherche?q=permis"), TestContext.Current.CancellationToken);
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/offres?q=permis");
        preflight.Headers.Add("Origin", Intranet);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");

        using var response = await client.SendAsync(preflight, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Intranet, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task SearchPage_WhenQueryIsFourThousandCharacters_LinksCarryOnlyWhatTheEngineReads()
    {
        using var client = Site.CreateClient();
        var html = await client.GetStringAsync("/recherche?q=" + string.Concat(Enumerable.Repeat("permis+", 570)), TestContext.Current.CancellationToken);
        var page = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html), TestContext.Current.CancellationToken);

        var queries = page.QuerySelectorAll("a[href*='q='], link[href*='q=']")
            .Select(a => Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri(SiteFactory.PublicUrl), a.GetAttribute("href")!).Query)["q"].ToString())
            .ToList();
        Assert.NotEmpty(queries);
        Assert.All(queries, q => Assert.InRange(q.Length, 1, Annuaire.Search.Querying.SearchRequest.MaxTextLength));
        Assert.InRange(html.Length, 0, 100_000);
    }

    [Fact]
    public async Task Export_WhenTextHoldsMarkupCharacters_EscapesThemInJson()
    {
        await File.WriteAllTextAsync(Path.Combine(Site.ContentPath, "offres", "national", "offre-chevrons.md"), """
            ---
            titre: "Atelier <b>code</b> & numérique"
            resume: "Une offre écrite par un test avec des chevrons <i>et</i> une esperluette & pour l'export."
            porteur: france-travail
            thematiques: [trouver-un-emploi--repondre-a-des-offres-demploi]
            zone_eligibilite: [france]
            date_maj: 2026-01-01
            ---
            Texte de l'offre.
            """, TestContext.Current.CancellationToken);
        using var client = Site.CreateClient();
        string json = string.Empty;
        for (var attempt = 0; attempt < 100 && !json.Contains("offre-chevrons", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            // A new cache key each time (q is one of the varying keys; the export ignores it).
            json = await client.GetStringAsync($"/api/export/data-inclusion/services.json?q=essai{attempt}", TestContext.Current.CancellationToken);
        }

        Assert.DoesNotContain("<b>", json, StringComparison.Ordinal);
        Assert.DoesNotContain(" & ", json, StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(json);
        Assert.Contains(parsed.RootElement.EnumerateArray(), s => s.GetProperty("nom").GetString() == "Atelier <b>code</b> & numérique");
    }

    [Theory]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("::1", HttpStatusCode.OK)]
    [InlineData("203.0.113.5", HttpStatusCode.NotFound)]
    [InlineData("10.20.1.1", HttpStatusCode.NotFound)]
    public async Task Diagnostics_WhenDefaultSettings_OnlyTheMachineItselfReadsThem(string from, HttpStatusCode expected)
    {
        using var client = Site.CreateClient();
        using var response = await client.SendAsync(Get("/admin/diagnostics", from), TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
    }
}
