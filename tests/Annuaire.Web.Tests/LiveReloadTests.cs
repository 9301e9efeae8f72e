using System.Text.Json;

namespace Annuaire.Web.Tests;

/// <summary>A new file in the content folder becomes searchable without restart, and cached pages are evicted.</summary>
public sealed class LiveReloadTests
{
    [Fact]
    public async Task Reload_WhenOfferAdded_IsSearchableAndCacheEvicted()
    {
        using var site = new SiteFactory();
        using var client = site.CreateClient();
        const string url = "/api/offres?q=zyxtrolignum";
        using (var before = JsonDocument.Parse(await client.GetStringAsync(url, TestContext.Current.CancellationToken)))
        {
            Assert.Equal(0, before.RootElement.GetProperty("total").GetInt32()); // Now cached.
        }

        await site.WriteOfferAsync("zyxtrolignum");

        var found = 0;
        for (var attempt = 0; attempt < 100 && found == 0; attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            using var after = JsonDocument.Parse(await client.GetStringAsync(url, TestContext.Current.CancellationToken));
            found = after.RootElement.GetProperty("total").GetInt32();
        }

        Assert.Equal(1, found);
    }
}
