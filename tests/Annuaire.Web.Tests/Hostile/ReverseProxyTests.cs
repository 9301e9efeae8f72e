using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Annuaire.Web.Tests.Hostile;

/// <summary>Behind a reverse proxy with an https public address (issue 13): HSTS, redirection, and no trust in untrusted forwarded headers.</summary>
public sealed class ReverseProxyTests(ReverseProxyTests.HttpsSite https) : IClassFixture<ReverseProxyTests.HttpsSite>
{
    private const string PublicHost = "annuaire.example.org";

    /// <summary>The site published at an https address through a proxy at 192.0.2.1.</summary>
    public sealed class HttpsSite : IDisposable
    {
        public SiteFactory Site { get; } = new()
        {
            Settings = new Dictionary<string, string>
            {
                ["Annuaire:PublicUrl"] = "https://" + PublicHost,
                ["Annuaire:ReverseProxy:KnownProxies:0"] = "192.0.2.1",
            },
        };

        public void Dispose() => Site.Dispose();
    }

    private HttpClient Client() => https.Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, string from, string? forwardedProto, string host = PublicHost)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Host = host;
        request.Headers.Add(SiteFactory.ClientAddressHeader, from);
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            request.Headers.Add("X-Forwarded-For", "203.0.113.50");
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Request_WhenTrustedProxyForwardedHttps_IsServedWithHsts()
    {
        using var client = Client();

        using var response = await SendAsync(client, "/recherche?q=permis", "192.0.2.1", "https");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("192.0.2.1", null)] // The proxy itself, over plain http.
    [InlineData("203.0.113.9", "https")] // A client claiming https without a trusted proxy.
    public async Task Request_WhenNotHttps_RedirectsToThePublicAddress(string from, string? forwardedProto)
    {
        using var client = Client();

        using var response = await SendAsync(client, "/recherche?q=permis", from, forwardedProto);

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal($"https://{PublicHost}/recherche?q=permis", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Health_WhenPlainHttpFromTheBalancer_AnswersWithoutRedirect()
    {
        using var client = Client();

        using var response = await SendAsync(client, "/healthz/live", "192.0.2.1", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_WhenHostIsNotThePublicOne_IsRefusedByDefault()
    {
        using var client = Client();

        using var response = await SendAsync(client, "/integrer", "192.0.2.1", "https", host: "evil.example.com");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
