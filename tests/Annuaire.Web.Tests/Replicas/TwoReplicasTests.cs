using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AngleSharp;
using AngleSharp.Html.Dom;
using Annuaire.Content;
using Annuaire.Content.Parsing;
using Annuaire.Search.Indexing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Annuaire.Web.Tests.Replicas;

/// <summary>
/// Two real site instances (Kestrel on loopback ports) in replica mode on one shared folder of index
/// versions, with their output cache in a real redis-server: a new version published while both are
/// searched is served by both within the poll interval, with no failed request and no page of the
/// previous version served afterwards; with Redis stopped, both keep answering, uncached.
/// </summary>
public sealed class TwoReplicasTests : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Reading, checking and loading a version on a busy 2-core machine, on top of the poll interval.</summary>
    private static readonly TimeSpan LoadAllowance = TimeSpan.FromSeconds(10);

    private static readonly string[] Urls =
    [
        "/recherche?q=permis", "/recherche?q=zebrure", "/api/v1/offres?q=zebrure", "/api/v1/offres?q=logement&territoire=45",
        "/api/v1/suggest?q=perm", "/recherche?q=aide+alimentaire", "/sitemap.xml",
    ];

    private readonly IndexVersionStore _store = new(Directory.CreateTempSubdirectory("annuaire-replicas-").FullName);
    private readonly List<SiteFactory> _sites = [];

    public void Dispose()
    {
        foreach (var site in _sites)
        {
            site.Dispose();
        }

        Directory.Delete(_store.Root, recursive: true);
    }

    [Fact]
    public async Task Replicas_WhenVersionPublishedWhileSearchedThenRedisStops_ServeTheNewVersionWithoutFailure()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var redis = await RedisServer.StartAsync(cancel);
        var content = new SiteFactory(); // Its content folder is the one CI would publish from.
        _sites.Add(content);
        var first = Publish(content);
        var a = StartReplica(redis);
        var b = StartReplica(redis);
        using var clientA = new HttpClient { BaseAddress = a };
        using var clientB = new HttpClient { BaseAddress = b };
        HttpClient[] clients = [clientA, clientB];

        foreach (var client in clients)
        {
            using var health = await HealthAsync(client);
            Assert.Equal(first, health.RootElement.GetProperty("indexVersion").GetString());
            Assert.Equal("redis", health.RootElement.GetProperty("cache").GetString());
            Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
        }

        // Answers cached by A are served from Redis by B: the cache is shared. The search for the
        // word of the offer about to be published is cached empty (the HTML page of a search with
        // so few results is never cached: it is counted among the searches without answer).
        const string cachedPage = "/api/v1/offres?q=zebrure";
        Assert.Empty(await ApiIdsAsync(clientA, cachedPage));
        await WaitUntilAsync(async () => await IsFromCacheAsync(clientB, cachedPage), TimeSpan.FromSeconds(15), "réponse mise en cache par A non servie depuis Redis par B");
        Assert.Empty(await ApiIdsAsync(clientB, cachedPage));
        await clientA.GetStringAsync("/recherche?q=permis", cancel);
        await WaitUntilAsync(async () => await IsFromCacheAsync(clientB, "/recherche?q=permis"), TimeSpan.FromSeconds(15), "page mise en cache par A non servie depuis Redis par B");

        // Searches at both while the next version is published.
        var log = new ConcurrentQueue<(long Started, string Url, HttpStatusCode? Status, string Body)>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 4).Select(worker => DriveAsync(clients[worker % 2], worker, log, stop.Token)).ToList();
        await Task.Delay(500, cancel);

        var offer = await content.WriteOfferAsync("zebrure");
        var second = Publish(content);
        var published = Stopwatch.GetTimestamp(); // The manifest designates it from now on.
        var switches = await Task.WhenAll(clients.Select(client => WaitForVersionAsync(client, second, published)));
        var bothServeSecond = Stopwatch.GetTimestamp();
        await Task.Delay(1000, cancel);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var entries = log.ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"{entries.Count} requêtes pendant la publication ; bascule A {switches[0].TotalMilliseconds:0} ms, B {switches[1].TotalMilliseconds:0} ms après la publication");
        Assert.True(entries.Count > 50, $"trop peu de requêtes pour juger ({entries.Count})");
        Assert.Empty(entries.Where(e => e.Status != HttpStatusCode.OK).Select(e => $"{e.Url} : {e.Status?.ToString() ?? "échec"} {e.Body}"));
        Assert.All(switches, elapsed => Assert.True(elapsed < PollInterval + LoadAllowance, $"nouvelle version servie {elapsed.TotalSeconds:0.0} s après sa publication"));
        // Once both serve it, no response comes from the previous version, cached or not.
        Assert.All(entries.Where(e => e.Started > bothServeSecond && e.Url.Contains("zebrure", StringComparison.Ordinal)),
            e => Assert.Contains(offer, e.Body, StringComparison.Ordinal));
        foreach (var client in clients)
        {
            Assert.Equal([offer], await ApiIdsAsync(client, cachedPage));
            Assert.Contains($"/offres/{offer}", await ResultLinksAsync(client, "/recherche?q=zebrure"));
        }

        // Redis stops: both keep answering, uncached, and say so; a new version still reaches both.
        redis.Stop();
        await content.WriteOfferAsync("ocelot");
        var third = Publish(content);
        published = Stopwatch.GetTimestamp();
        foreach (var client in clients)
        {
            foreach (var url in Urls)
            {
                using var response = await client.GetAsync(url, cancel);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        await Task.WhenAll(clients.Select(client => WaitForVersionAsync(client, third, published)));
        foreach (var client in clients)
        {
            Assert.Contains("/offres/offre-ocelot", await ResultLinksAsync(client, "/recherche?q=ocelot"));
            Assert.Equal([offer], await ApiIdsAsync(client, cachedPage));
            using var health = await HealthAsync(client);
            Assert.Equal("dégradé", health.RootElement.GetProperty("status").GetString());
            Assert.Contains("pages servies sans cache", health.RootElement.GetProperty("cacheError").GetString(), StringComparison.Ordinal);
        }
    }

    private string Publish(SiteFactory content) =>
        _store.Publish(ContentLoader.Load(content.ContentPath, ValidationOptions.ForToday(TimeProvider.System)), TimeProvider.System, keep: 5).Version.Id;

    private Uri StartReplica(RedisServer redis)
    {
        var site = new SiteFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["Annuaire:Mode"] = "Replica",
                ["Annuaire:IndexSource"] = _store.Root,
                ["Annuaire:IndexPollSeconds"] = ((int)PollInterval.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Annuaire:Redis"] = redis.Configuration,
            },
        };
        _sites.Add(site);
        site.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        site.StartServer();
        return new Uri(site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    private static async Task DriveAsync(HttpClient client, int worker, ConcurrentQueue<(long, string, HttpStatusCode?, string)> log, CancellationToken stop)
    {
        for (var i = worker; !stop.IsCancellationRequested && i < 100_000; i++)
        {
            var url = Urls[i % Urls.Length];
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.GetAsync(url, CancellationToken.None);
                log.Enqueue((started, url, response.StatusCode, await response.Content.ReadAsStringAsync(CancellationToken.None)));
            }
            catch (HttpRequestException ex)
            {
                log.Enqueue((started, url, null, ex.Message));
            }
        }
    }

    /// <summary>How long after <paramref name="published"/> the instance reported serving <paramref name="version"/>.</summary>
    private static async Task<TimeSpan> WaitForVersionAsync(HttpClient client, string version, long published)
    {
        await WaitUntilAsync(async () =>
        {
            using var health = await HealthAsync(client);
            return health.RootElement.GetProperty("indexVersion").GetString() == version;
        }, PollInterval + LoadAllowance + TimeSpan.FromSeconds(5), $"version {version} jamais servie par {client.BaseAddress}");
        return Stopwatch.GetElapsedTime(published);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan limit, string failure)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < limit, failure);
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<bool> IsFromCacheAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        return response.StatusCode == HttpStatusCode.OK && response.Headers.Contains("Age");
    }

    private static async Task<JsonDocument> HealthAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/healthz", TestContext.Current.CancellationToken));

    private static async Task<List<string>> ApiIdsAsync(HttpClient client, string url)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(url, TestContext.Current.CancellationToken));
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!)];
    }

    private static async Task<List<string>> ResultLinksAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url, TestContext.Current.CancellationToken);
        var document = (IHtmlDocument)await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html), TestContext.Current.CancellationToken);
        return [.. document.QuerySelectorAll(".card h3 a").Select(a => a.GetAttribute("href")!)];
    }
}
