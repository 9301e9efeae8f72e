using System.Net;
using System.Text.Json;
using Annuaire.Content;
using Annuaire.Content.Parsing;
using Annuaire.Search.Indexing;
using Annuaire.Web.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Annuaire.Tests.Shared.FileDamage;

namespace Annuaire.Web.Tests.Replicas;

/// <summary>
/// Replica mode on one instance: serves the published version the manifest designates, swaps in a
/// new one, and keeps the last good one when a version is missing, half-written, corrupt or from
/// another engine — logged once, reported in /healthz as « dégradé » with a French reason.
/// </summary>
public sealed class ReplicaModeTests : IDisposable
{
    private readonly IndexVersionStore _store = new(Directory.CreateTempSubdirectory("annuaire-replica-").FullName);
    private readonly RecordingLoggerProvider _logs = new();
    private readonly SiteFactory _site;

    public ReplicaModeTests()
    {
        _site = new SiteFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["Annuaire:Mode"] = "Replica",
                ["Annuaire:IndexSource"] = _store.Root,
                ["Annuaire:IndexPollSeconds"] = "3600", // Polls are driven by the tests.
            },
            ConfigureServices = services => services.AddSingleton<ILoggerProvider>(_logs),
        };
    }

    public void Dispose()
    {
        _site.Dispose();
        Directory.Delete(_store.Root, recursive: true);
    }

    private ReplicaHost Host => _site.Services.GetRequiredService<ReplicaHost>();

    [Fact]
    public async Task Start_WhenVersionPublished_ServesItAndHealthShowsModeVersionAndCache()
    {
        var version = Publish();

        using var health = await HealthAsync();

        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
        Assert.Equal("replica", health.RootElement.GetProperty("mode").GetString());
        Assert.Equal(version, health.RootElement.GetProperty("indexVersion").GetString());
        Assert.Equal("memory", health.RootElement.GetProperty("cache").GetString());
        Assert.Contains(version, health.RootElement.GetProperty("startedFrom").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(await IdsAsync("/api/v1/offres?q=permis"));
    }

    [Fact]
    public async Task Poll_WhenNewVersionPublished_SwapsItInAndNoCachedPageOfTheOldOneIsServed()
    {
        Publish();
        Assert.Empty(await IdsAsync("/api/v1/offres?q=zebrure"));
        Assert.Empty(await IdsAsync("/api/v1/offres?q=zebrure")); // Now in the cache.

        var id = await _site.WriteOfferAsync("zebrure");
        var next = Publish();
        await Host.PollAsync(TestContext.Current.CancellationToken);

        Assert.Equal([id], await IdsAsync("/api/v1/offres?q=zebrure"));
        Assert.Equal(next, Host.IndexVersion);
        Assert.Equal(2, Host.Swaps);
    }

    public static TheoryData<string, string> Faults() => new()
    {
        { "version-introuvable", "introuvable" },
        { "version-sans-liste", "incomplète" },
        { "fichier-tronque", "incomplète" },
        { "octet-inverse", "corrompue" },
        { "autre-moteur", "autre version du moteur" },
        { "manifeste-illisible", "Manifeste du dossier partagé illisible" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Poll_WhenDesignatedVersionUnusable_KeepsTheLastGoodOneAndReportsItOnce(string fault, string reason)
    {
        var good = Publish();
        Assert.Equal(good, Host.IndexVersion); // Started on it.
        await _site.WriteOfferAsync("zebrure");
        var bad = Publish();
        var folder = Path.Combine(_store.Root, IndexVersionStore.VersionsFolderName, bad);
        var terms = Directory.GetFiles(Path.Combine(folder, IndexVersionStore.IndexFolderName), "*.tim").Single();
        switch (fault)
        {
            case "version-introuvable": Directory.Delete(folder, recursive: true); break;
            case "version-sans-liste": File.Delete(Path.Combine(folder, IndexVersionStore.VersionFileName)); break;
            case "fichier-tronque": File.WriteAllBytes(terms, File.ReadAllBytes(terms)[..100]); break;
            case "octet-inverse": Flip(terms); break;
            case "autre-moteur": Rewrite(Path.Combine(folder, IndexVersionStore.VersionFileName), json => json["engine"] = "autre-moteur"); break;
            case "manifeste-illisible": File.WriteAllText(Path.Combine(_store.Root, IndexVersionStore.ManifestFileName), "{ \"version\": "); break;
        }

        for (var poll = 0; poll < 3; poll++)
        {
            await Host.PollAsync(TestContext.Current.CancellationToken);
        }

        using var health = await HealthAsync();
        var lastError = health.RootElement.GetProperty("lastError").GetString()!;
        Assert.Equal("dégradé", health.RootElement.GetProperty("status").GetString());
        Assert.Equal(good, health.RootElement.GetProperty("indexVersion").GetString());
        Assert.Contains(reason, lastError, StringComparison.Ordinal);
        Assert.Contains($"la version {good} reste en service", lastError, StringComparison.Ordinal);
        Assert.DoesNotContain(_store.Root, lastError, StringComparison.Ordinal); // /healthz is public: no server path.
        Assert.Single(_logs.Warnings<ReplicaHost>());
        Assert.Empty(await IdsAsync("/api/v1/offres?q=zebrure"));
        using var client = _site.CreateClient();
        Assert.Equal("Degraded", await client.GetStringAsync("/healthz/ready", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Poll_WhenABrokenVersionIsReplacedByAGoodOne_ServesItAndHealthRecovers()
    {
        Assert.Equal(Publish(), Host.IndexVersion);
        await _site.WriteOfferAsync("zebrure");
        var bad = Publish();
        File.Delete(Path.Combine(_store.Root, IndexVersionStore.VersionsFolderName, bad, IndexVersionStore.VersionFileName));
        await Host.PollAsync(TestContext.Current.CancellationToken);
        await _site.WriteOfferAsync("ocelot");

        var good = Publish();
        await Host.PollAsync(TestContext.Current.CancellationToken);

        using var health = await HealthAsync();
        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
        Assert.Equal(good, health.RootElement.GetProperty("indexVersion").GetString());
        Assert.Single(await IdsAsync("/api/v1/offres?q=ocelot"));
    }

    [Fact]
    public async Task Start_WhenManifestDesignatesABrokenVersion_ServesTheNewestUsableOneAndSaysSo()
    {
        Publish();
        await _site.WriteOfferAsync("zebrure");
        var usable = Publish();
        await _site.WriteOfferAsync("ocelot");
        var bad = Publish();
        Flip(Directory.GetFiles(Path.Combine(_store.Root, IndexVersionStore.VersionsFolderName, bad, IndexVersionStore.IndexFolderName), "*.tim").Single());

        using var health = await HealthAsync();

        Assert.Equal(usable, health.RootElement.GetProperty("indexVersion").GetString());
        Assert.Equal("dégradé", health.RootElement.GetProperty("status").GetString());
        Assert.Contains($"Version {bad} corrompue", health.RootElement.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Single(await IdsAsync("/api/v1/offres?q=zebrure"));
    }

    [Fact]
    public async Task Start_WhenNothingPublished_AnswersUnavailableThenServesTheFirstVersion()
    {
        using var client = _site.CreateClient();
        using (var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Contains("Aucune version publiée", health.RootElement.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        }

        var version = Publish();
        await Host.PollAsync(TestContext.Current.CancellationToken);

        using var after = await HealthAsync();
        Assert.Equal("ok", after.RootElement.GetProperty("status").GetString());
        Assert.Equal(version, after.RootElement.GetProperty("indexVersion").GetString());
    }

    // One second apart: version ids order by time only to the second (then by content fingerprint).
    private DateTimeOffset _publishedAt = DateTimeOffset.UtcNow;

    private string Publish() =>
        _store.Publish(ContentLoader.Load(_site.ContentPath, ValidationOptions.ForToday(TimeProvider.System)), new SettableClock(_publishedAt = _publishedAt.AddSeconds(1)), keep: 10).Version.Id;

    private async Task<JsonDocument> HealthAsync()
    {
        using var client = _site.CreateClient();
        return JsonDocument.Parse(await client.GetStringAsync("/healthz", TestContext.Current.CancellationToken));
    }

    private async Task<List<string>> IdsAsync(string url)
    {
        using var client = _site.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync(url, TestContext.Current.CancellationToken));
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];
    }
}
