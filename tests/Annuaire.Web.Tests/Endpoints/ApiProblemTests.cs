using System.Net;
using System.Text.Json;

namespace Annuaire.Web.Tests.Endpoints;

/// <summary>Every error under /api is problem details with a French title, whatever produced it.</summary>
public sealed class ApiProblemTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(title, json.RootElement.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/offres/inexistante", HttpStatusCode.NotFound, "Offre introuvable")]
    [InlineData("/api/offres/inexistante", HttpStatusCode.NotFound, "Offre introuvable")]
    [InlineData("/api/v1/nulle-part", HttpStatusCode.NotFound, "Ressource introuvable")]
    [InlineData("/api/nulle-part", HttpStatusCode.NotFound, "Ressource introuvable")]
    public async Task Get_WhenNothingThere_IsProblem(string url, HttpStatusCode status, string title)
    {
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html"); // A browser asking for a page still gets JSON from the API.
        await AssertProblemAsync(await client.SendAsync(request, TestContext.Current.CancellationToken), status, title);
    }

    [Fact]
    public async Task Post_WhenApiIsReadOnly_Is405Problem()
    {
        using var client = site.CreateClient();
        using var body = new StringContent("{}");
        await AssertProblemAsync(await client.PostAsync("/api/v1/offres", body, TestContext.Current.CancellationToken), HttpStatusCode.MethodNotAllowed, "Méthode non autorisée");
    }

    [Fact]
    public async Task Get_WhenQueryStringTooLong_Is400Problem()
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync("/api/v1/offres?q=" + new string('a', 10_000), TestContext.Current.CancellationToken);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "Requête invalide");
    }

    [Fact]
    public async Task Get_WhenRateLimited_Is429ProblemWithRetryAfter()
    {
        using var limited = site.WithWebHostBuilder(b => b.UseSetting("Annuaire:RequestsPerMinutePerClient", "10"));
        using var client = limited.CreateClient();
        HttpResponseMessage response;
        var attempts = 0;
        do
        {
            response = await client.GetAsync("/api/v1/suggest?q=rsa", TestContext.Current.CancellationToken);
        }
        while (response.StatusCode == HttpStatusCode.OK && ++attempts < 50);

        await AssertProblemAsync(response, HttpStatusCode.TooManyRequests, "Trop de requêtes");
        Assert.Equal("60", response.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task Get_WhenPageOutsideApiIsMissing_KeepsTheHtmlErrorPage()
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync("/nulle-part", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
