using System.Net;
using AngleSharp;
using Microsoft.Extensions.DependencyInjection;

namespace Annuaire.Web.Tests.Hostile;

/// <summary>/admin/diagnostics is not public (issue 12): allowed networks or a key; paginated.</summary>
public sealed class AdminAccessTests(AdminAccessTests.ConfiguredSite configured) : IClassFixture<AdminAccessTests.ConfiguredSite>
{
    private const string Key = "une-cle-d-administration-de-test-assez-longue";

    /// <summary>The site with an allowed network and a key.</summary>
    public sealed class ConfiguredSite : IDisposable
    {
        public SiteFactory Site { get; } = new()
        {
            Settings = new Dictionary<string, string> { ["Annuaire:Admin:AllowedNetworks:0"] = "10.20.0.0/16", ["Annuaire:Admin:Key"] = Key },
        };

        public void Dispose() => Site.Dispose();
    }

    private SiteFactory Site => configured.Site;

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string from, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/diagnostics");
        request.Headers.Add(SiteFactory.ClientAddressHeader, from);
        if (key is not null)
        {
            request.Headers.Add("X-Annuaire-Cle", key);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Theory]
    [InlineData("10.20.1.1", null, HttpStatusCode.OK)]
    [InlineData("127.0.0.1", null, HttpStatusCode.NotFound)]
    [InlineData("203.0.113.5", null, HttpStatusCode.NotFound)]
    [InlineData("203.0.113.5", Key, HttpStatusCode.OK)]
    [InlineData("203.0.113.5", "une-autre-cle-d-administration-tout-aussi-longue", HttpStatusCode.NotFound)]
    public async Task Diagnostics_WhenNetworksAndKeyConfigured_AllowsThemOnly(string from, string? key, HttpStatusCode expected)
    {
        using var client = Site.CreateClient();
        Assert.Equal(expected, await StatusAsync(client, from, key));
    }

    [Fact]
    public async Task Diagnostics_WhenManyWarnings_ShowsOnePageAtATime()
    {
        // 250 files that are not offers: one warning each.
        var folder = Directory.CreateDirectory(Path.Combine(Site.ContentPath, "offres", "divers"));
        for (var i = 0; i < 250; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, $"note-{i:D3}.txt"), "pas une offre", TestContext.Current.CancellationToken);
        }

        await Site.Services.GetRequiredService<Annuaire.Web.Services.CatalogHost>().ReloadAsync();
        using var client = Site.CreateClient();
        client.DefaultRequestHeaders.Add(SiteFactory.ClientAddressHeader, "10.20.3.4");

        var first = await OpenAsync(client, "/admin/diagnostics");
        var last = await OpenAsync(client, "/admin/diagnostics?page=99");

        Assert.Equal(100, first.QuerySelectorAll("td:nth-child(3), li code").Length);
        Assert.NotNull(first.QuerySelector("a[rel=next]"));
        Assert.Null(last.QuerySelector("a[rel=next]"));
        Assert.InRange(last.QuerySelectorAll("li code").Length, 1, 99);
    }

    private static async Task<AngleSharp.Dom.IDocument> OpenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        return await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));
    }
}
