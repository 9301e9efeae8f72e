using System.Net;
using AngleSharp;
using System.Text;

namespace Annuaire.Web.Tests;

/// <summary>
/// Arbitrary query strings on every page and endpoint that reads one: never a 5xx, never a hang,
/// and the input never comes back as live markup (script, javascript: link, event handler).
/// </summary>
public sealed class QueryStringFuzzTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly string[] Paths = ["/recherche", "/api/offres", "/api/suggest", "/widget", "/selection", "/integrer"];

    private static readonly string[] Keys = ["q", "thematique", "public", "type", "porteur", "accueil", "frais", "territoire", "tri", "page", "taille", "o", "note", "filtres", "origine", "inconnu"];

    private static readonly string[] Pieces =
    [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "' onmouseover='x", "%00", "%FF%FE", "%E2%80%AE", "%F0%9F%99%82",
        "hebergement", "permis", "rsa", "45", "45234", "2A", "mobilite", "mobilite--preparer-un-permis", "familles", "-1", "999999999999", "(", "\"", "*", "~2", "AND", "\\",
        "%25", "%26", "%3D", "+", " ", "é", "中文", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    ];

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public async Task Get_WhenArbitraryQueryString_NeverFailsNorReflectsMarkup(int seed)
    {
        var random = new Random(seed);
        using var client = site.CreateClient();
        for (var i = 0; i < 150; i++)
        {
            var query = new StringBuilder();
            for (var p = random.Next(0, 6); p > 0; p--)
            {
                var value = string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => Pieces[random.Next(Pieces.Length)]));
                query.Append(query.Length == 0 ? '?' : '&').Append(Keys[random.Next(Keys.Length)]).Append('=').Append(value.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal).Replace("\"", "%22", StringComparison.Ordinal).Replace(" ", "+", StringComparison.Ordinal));
            }

            var url = Paths[random.Next(Paths.Length)] + query;
            // A guard against hangs, not a measure: the in-memory server answers on the pool, which other tests load too.
            using var response = await client.GetAsync(url, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} pour {url}");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{(int)response.StatusCode} pour {url}");
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                await AssertNoInjectedMarkupAsync(body, url);
            }
            else
            {
                // JSON: the input may come back as a string value, never as raw markup.
                Assert.DoesNotContain("<script>alert", body, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    private static async Task AssertNoInjectedMarkupAsync(string html, string url)
    {
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));
        foreach (var element in document.All)
        {
            // The site uses no inline handlers (strict CSP): any on* attribute would be injected.
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            foreach (var attribute in new[] { "href", "src", "action", "formaction" })
            {
                var value = element.GetAttribute(attribute)?.Trim();
                Assert.False(value?.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) == true, $"{attribute}={value} pour {url}");
            }
        }

        Assert.All(document.Scripts, s => Assert.False(string.IsNullOrEmpty(s.Source), $"script en ligne pour {url}"));
        Assert.Empty(document.QuerySelectorAll("img[src=x]"));
    }
}
