using System.Net;

namespace Annuaire.Web.Tests.Hostile;

/// <summary>
/// Fair rate limiting (issue 12): one bucket per client address and canonical allowed origin; the
/// real client address behind a trusted proxy only (issue 13); health checks never limited.
/// </summary>
/// <remarks>One site for the class: each test plays its own client addresses, so buckets never mix.</remarks>
public sealed class RateLimitTests(RateLimitTests.LimitedSite limited) : IClassFixture<RateLimitTests.LimitedSite>
{
    private const int Limit = 10;
    private const string Intranet = "http://h:5999";
    private const string Proxy = "192.0.2.1";

    /// <summary>The site with a low limit, an allowed intranet and a trusted proxy.</summary>
    public sealed class LimitedSite : IDisposable
    {
        public SiteFactory Site { get; } = new()
        {
            Settings = new Dictionary<string, string>
            {
                ["Annuaire:RequestsPerMinutePerClient"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Annuaire:Widget:AllowedOrigins:0"] = Intranet,
                ["Annuaire:ReverseProxy:KnownProxies:0"] = Proxy,
            },
        };

        public void Dispose() => Site.Dispose();
    }

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string url, string clientAddress, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(SiteFactory.ClientAddressHeader, clientAddress);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Limit_WhenOriginIsSpelledManyWays_SharesOneBucket()
    {
        using var client = limited.Site.CreateClient();
        string[] spellings = ["http://h:5999/", "http://h:5999//", "HTTP://H:5999", "http://H:5999/", Intranet];

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Limit + spellings.Length; i++)
        {
            statuses.Add(await GetAsync(client, "/api/suggest?q=perm", "203.0.113.5", ("Origin", spellings[i % spellings.Length])));
        }

        Assert.All(statuses.Take(Limit), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(statuses.Skip(Limit), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task Limit_WhenAThirdPartyExhaustsAnIntranetOrigin_TheIntranetsVisitorsAreStillServed()
    {
        using var client = limited.Site.CreateClient();
        for (var i = 0; i < Limit; i++)
        {
            await GetAsync(client, "/api/suggest?q=perm", "198.51.100.66", ("Origin", Intranet));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(client, "/api/suggest?q=perm", "198.51.100.66", ("Origin", Intranet)));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "/api/suggest?q=perm", "192.0.2.20", ("Origin", Intranet)));
    }

    [Fact]
    public async Task Limit_WhenBehindTrustedProxy_CountsEachForwardedClientApart()
    {
        using var client = limited.Site.CreateClient();
        for (var i = 0; i < Limit; i++)
        {
            await GetAsync(client, "/api/suggest?q=perm", Proxy, ("X-Forwarded-For", "203.0.113.7"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(client, "/api/suggest?q=perm", Proxy, ("X-Forwarded-For", "203.0.113.7")));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "/api/suggest?q=perm", Proxy, ("X-Forwarded-For", "203.0.113.8")));
    }

    [Fact]
    public async Task Limit_WhenForwardedForComesFromAnUntrustedAddress_IsIgnored()
    {
        using var client = limited.Site.CreateClient();
        for (var i = 0; i < Limit; i++)
        {
            // A client inventing a new address each time would otherwise get a fresh bucket each time.
            await GetAsync(client, "/api/suggest?q=perm", "203.0.113.9", ("X-Forwarded-For", $"10.0.0.{i}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(client, "/api/suggest?q=perm", "203.0.113.9", ("X-Forwarded-For", "10.0.0.99")));
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/healthz/live")]
    [InlineData("/healthz/ready")]
    public async Task Limit_WhenHealthIsCheckedBeyondTheLimit_NeverRejects(string url)
    {
        using var client = limited.Site.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Limit * 3; i++)
        {
            statuses.Add(await GetAsync(client, url, "203.0.113.10"));
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }
}
