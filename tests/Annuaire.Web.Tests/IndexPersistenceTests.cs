using System.Text.Json;
using Annuaire.Web.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Annuaire.Web.Tests;

/// <summary>
/// The saved index (<c>Annuaire:IndexPath</c>): a restart serves it at once; missing, corrupt or
/// outdated, it is rebuilt from the content; a failed save never stops the search.
/// </summary>
public sealed class IndexPersistenceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("annuaire-web-index-").FullName;

    private string IndexPath => Path.Combine(_root, "index");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private SiteFactory Site(string? indexPath = null) =>
        new() { Settings = new Dictionary<string, string> { ["Annuaire:IndexPath"] = indexPath ?? IndexPath } };

    [Fact]
    public async Task Start_WhenNoSavedIndex_BuildsFromContentThenRestartServesTheSavedOne()
    {
        string firstResults;
        using (var first = Site())
        {
            using var health = await HealthAsync(first);
            Assert.Equal("contenu (pas encore d'index enregistré)", health.RootElement.GetProperty("startedFrom").GetString());
            Assert.True(health.RootElement.GetProperty("indexSaved").GetBoolean());
            Assert.NotEmpty(Directory.GetFiles(IndexPath, "segments_*")); // The saved commit (segments.gen, a legacy hint, is not copied).
            firstResults = await Ids(first, "/api/offres?q=hebergement+urgence&territoire=45");
        }

        using var second = Site();
        using (var health = await HealthAsync(second))
        {
            Assert.Equal("index enregistré", health.RootElement.GetProperty("startedFrom").GetString());
        }

        await second.Services.GetRequiredService<CatalogHost>().StartupRefresh;
        Assert.Equal(firstResults, await Ids(second, "/api/offres?q=hebergement+urgence&territoire=45"));
        using var after = await HealthAsync(second);
        Assert.Equal("ok", after.RootElement.GetProperty("status").GetString());
        // Same content: nothing is rebuilt or re-indexed; the objects read again are adopted (one more generation).
        Assert.Equal(2, after.RootElement.GetProperty("generation").GetInt32());
        Assert.Equal("index enregistré", after.RootElement.GetProperty("startedFrom").GetString());
    }

    [Theory]
    [InlineData(".tim")] // terms dictionary
    [InlineData(".fdt")] // stored ids
    [InlineData("offers.annuaire")] // the offers, saved beside the index
    [InlineData(".si")] // segment info
    [InlineData("segments_1")] // commit point
    public async Task Start_WhenSavedIndexCorrupt_RebuildsFromContentAndRewritesIt(string damagedFile)
    {
        string expected;
        using (var first = Site())
        {
            expected = await Ids(first, "/api/offres?q=permis");
        }

        var path = Directory.GetFiles(IndexPath).Single(f => f.EndsWith(damagedFile, StringComparison.Ordinal));
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        using var second = Site();
        using var health = await HealthAsync(second);
        Assert.Equal("contenu (index enregistré corrompu)", health.RootElement.GetProperty("startedFrom").GetString());
        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
        Assert.Equal(expected, await Ids(second, "/api/offres?q=permis"));

        using var third = Site();
        using var thirdHealth = await HealthAsync(third);
        Assert.Equal("index enregistré", thirdHealth.RootElement.GetProperty("startedFrom").GetString());
    }

    [Fact]
    public async Task Start_WhenContentChangedWhileStopped_ServesSavedIndexThenRefreshes()
    {
        using (var first = Site())
        {
            await HealthAsync(first);
        }

        using var second = Site();
        // Written before the host starts (first request): the saved index predates it.
        var id = await second.WriteOfferAsync("quorvaxine");
        using var health = await HealthAsync(second);
        Assert.Equal("index enregistré", health.RootElement.GetProperty("startedFrom").GetString());

        await second.Services.GetRequiredService<CatalogHost>().StartupRefresh;

        Assert.Equal(id, await Ids(second, "/api/offres?q=quorvaxine"));
    }

    [Fact]
    public async Task Save_WhenIndexFolderCannotBeWritten_KeepsSearchingAndReportsDegraded()
    {
        // A regular file where the index folder's parent should be: every write fails, even as root.
        var blocker = Path.Combine(_root, "fichier");
        await File.WriteAllTextAsync(blocker, "pas un dossier", TestContext.Current.CancellationToken);
        using var site = Site(Path.Combine(blocker, "index"));

        using var health = await HealthAsync(site);

        Assert.Equal("dégradé", health.RootElement.GetProperty("status").GetString());
        Assert.Contains("Index non enregistré", health.RootElement.GetProperty("saveError").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(string.Empty, await Ids(site, "/api/offres?q=permis"));
        var page = await site.GetDocumentAsync("/admin/diagnostics");
        Assert.Contains(page.QuerySelectorAll("p.notice"), p => p.TextContent.StartsWith("Index non enregistré", StringComparison.Ordinal));
    }

    private static async Task<JsonDocument> HealthAsync(SiteFactory site)
    {
        using var client = site.CreateClient();
        return JsonDocument.Parse(await client.GetStringAsync("/healthz"));
    }

    private static async Task<string> Ids(SiteFactory site, string url)
    {
        using var client = site.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync(url));
        return string.Join(",", json.RootElement.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }
}
