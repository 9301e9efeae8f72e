using System.Net;
using System.Text.Json;

namespace Annuaire.Web.Tests.Replicas;

/// <summary>A configured Redis that refuses connections: every page still answers, uncached, and health says why.</summary>
public sealed class SharedCacheFaultTests
{
    [Fact]
    public async Task Pages_WhenRedisRefusesConnections_AnswerUncachedAndHealthIsDegraded()
    {
        using var site = new SiteFactory
        {
            Settings = new Dictionary<string, string> { ["Annuaire:Redis"] = $"127.0.0.1:{LoopbackPort.Free()}" },
        };
        using var client = site.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            foreach (var url in new[] { "/recherche?q=permis", "/api/v1/offres?q=permis", "/sitemap.xml" })
            {
                using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.False(response.Headers.Contains("Age"), $"{url} servie depuis un cache censé être hors service");
            }
        }

        using var health = JsonDocument.Parse(await client.GetStringAsync("/healthz", TestContext.Current.CancellationToken));
        Assert.Equal("dégradé", health.RootElement.GetProperty("status").GetString());
        Assert.Equal("redis", health.RootElement.GetProperty("cache").GetString());
        Assert.Contains("pages servies sans cache", health.RootElement.GetProperty("cacheError").GetString(), StringComparison.Ordinal);
        Assert.Equal("Degraded", await client.GetStringAsync("/healthz/ready", TestContext.Current.CancellationToken));
    }
}
