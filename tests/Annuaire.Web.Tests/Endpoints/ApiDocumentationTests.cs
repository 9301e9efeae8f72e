using System.Net;
using System.Text.Json;
using AngleSharp;

namespace Annuaire.Web.Tests.Endpoints;

/// <summary>The OpenAPI document describes every response; the API page is the only one allowed an inline script.</summary>
public sealed class ApiDocumentationTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task OpenApi_EveryOperationResponse_HasAJsonSchema()
    {
        using var client = site.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
        var paths = json.RootElement.GetProperty("paths").EnumerateObject().ToList();
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas");

        Assert.Equal(["/api/v1/export/data-inclusion/services.json", "/api/v1/offres", "/api/v1/offres/{id}", "/api/v1/suggest"], paths.Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var operation in paths.SelectMany(p => p.Value.EnumerateObject()))
        {
            var responses = operation.Value.GetProperty("responses").EnumerateObject().ToList();
            Assert.Contains(responses, r => r.Name == "200");
            foreach (var response in responses)
            {
                var content = Assert.Single(response.Value.GetProperty("content").EnumerateObject());
                Assert.Equal(response.Name == "200" ? "application/json" : "application/problem+json", content.Name);
                var schema = content.Value.GetProperty("schema");
                Assert.True(schema.TryGetProperty("$ref", out _) || schema.TryGetProperty("type", out _), $"{operation.Name} {response.Name}");
            }
        }

        Assert.True(schemas.TryGetProperty("OfferDetail", out var detail));
        var fields = detail.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("texte", fields);
        Assert.DoesNotContain("sourcePath", fields);
        Assert.DoesNotContain("bodyLine", fields);
    }

    [Fact]
    public async Task ApiPage_InlineScriptsCarryTheNonceOfItsOwnPolicy()
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync("/api/documentation/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "script-src 'self' 'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.DoesNotContain("'unsafe-inline'", policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);

        var page = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(response.Content.ReadAsStream(TestContext.Current.CancellationToken)), TestContext.Current.CancellationToken);
        var scripts = page.QuerySelectorAll("script").ToList();
        Assert.Contains(scripts, s => s.GetAttribute("src") is null);
        Assert.All(scripts, s => Assert.Equal(nonce, s.GetAttribute("nonce")));
        foreach (var src in scripts.Select(s => s.GetAttribute("src")).OfType<string>())
        {
            var asset = await client.GetAsync("/api/documentation/" + src, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        }

        // A second response gets another nonce: it cannot be replayed.
        var again = await client.GetAsync("/api/documentation/", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(nonce, again.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/recherche?q=permis")]
    [InlineData("/api/v1/offres?q=permis")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/widget")]
    public async Task OtherResponses_ForbidInlineScriptAndStyle(string url)
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("nonce-", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }
}
