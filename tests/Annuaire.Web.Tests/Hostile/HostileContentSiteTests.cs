using System.Net;
using System.Text;
using System.Text.Json;
using Annuaire.Search;
using Annuaire.Web.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Annuaire.Web.Tests.Hostile;

/// <summary>
/// The attacks of issue 12 on content, run against the whole site: each poisoned entry is one
/// diagnostic, updates keep flowing, health tells the truth, and a start with the poison serves.
/// </summary>
public sealed class HostileContentSiteTests
{
    private const string Secret = "SECRET-TOKEN-12345";

    /// <summary>Ways to poison the content folder, each in its own file.</summary>
    private static readonly string[] Poisons = ["bombe d'alias", "lien vers /dev/zero", "lien hors du contenu", "lien cassé", "boucle de liens", "fichier de 50 Mo", "en-tête cassé de 10 000 lignes"];

    /// <summary>Poisons the content; returns the poisoned file, relative to content/.</summary>
    private static string Poison(SiteFactory site, string how)
    {
        var folder = Path.Combine(site.ContentPath, "offres", "national");
        var name = $"poison-{Array.IndexOf(Poisons, how)}";
        var path = Path.Combine(folder, name + ".md");
        switch (how)
        {
            case "bombe d'alias":
                var bomb = new StringBuilder("---\ntitre: \"Bombe\"\nn0: &l0 [x, x, x, x, x, x, x, x]\n");
                for (var i = 1; i < 14; i++)
                {
                    bomb.Append(System.Globalization.CultureInfo.InvariantCulture, $"n{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 8))}]\n");
                }

                File.WriteAllText(path, bomb.Append("? *l13\n: x\n---\nTexte.\n").ToString());
                break;
            case "lien vers /dev/zero":
                File.CreateSymbolicLink(path, "/dev/zero");
                break;
            case "lien hors du contenu":
                var outside = Path.Combine(Path.GetDirectoryName(site.ContentPath)!, Path.GetFileName(site.ContentPath) + "-secret.md");
                File.WriteAllText(outside, File.ReadAllText(Directory.GetFiles(folder, "*.md")[0]).Replace("---\n", $"---\n# {Secret}\n", StringComparison.Ordinal) + Secret);
                File.CreateSymbolicLink(path, outside);
                break;
            case "lien cassé":
                File.CreateSymbolicLink(path, Path.Combine(site.ContentPath, "nulle-part.md"));
                break;
            case "boucle de liens":
                File.CreateSymbolicLink(path, Path.Combine(folder, name + "-bis.md"));
                File.CreateSymbolicLink(Path.Combine(folder, name + "-bis.md"), path);
                break;
            case "fichier de 50 Mo":
                using (var stream = File.Create(path))
                {
                    stream.Write("---\ntitre: \"Gros\"\n---\n"u8);
                    stream.SetLength(50L * 1024 * 1024);
                }

                break;
            default:
                var header = new StringBuilder("---\ntitre: \"Cassé\"\n");
                for (var i = 0; i < 10_000; i++)
                {
                    header.Append("cle").Append(i).Append(": v\n");
                }

                File.WriteAllText(path, header.Append("x:   {x: {a{%\n\"%*a\n---\nTexte.\n").ToString());
                break;
        }

        return $"offres/national/{name}.md";
    }

    private static async Task<JsonDocument> JsonAsync(HttpClient client, string url) => JsonDocument.Parse(await client.GetStringAsync(url));

    /// <summary>Waits (generously: the machine may be loaded) until the live index serves <paramref name="id"/>.</summary>
    private static async Task<bool> WaitUntilServedAsync(SiteFactory site, string id)
    {
        var engine = site.Services.GetRequiredService<OfferSearchEngine>();
        for (var attempt = 0; attempt < 600 && engine.Find(id) is null; attempt++)
        {
            await Task.Delay(100);
        }

        return engine.Find(id) is not null;
    }

    private static async Task AssertTruthfulAndNothingLeakedAsync(HttpClient client, List<string> poisoned, string? servedId)
    {
        using var health = await JsonAsync(client, "/healthz");
        // One bad entry is a diagnostic for that entry, not a failure of the directory.
        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
        Assert.InRange(health.RootElement.GetProperty("errors").GetInt32(), poisoned.Count, poisoned.Count * 2);
        Assert.True(health.RootElement.GetProperty("offers").GetInt32() >= 120);
        Assert.Equal("Healthy", await client.GetStringAsync("/healthz/ready"));

        var diagnostics = await client.GetStringAsync("/admin/diagnostics");
        Assert.All(poisoned, file => Assert.Contains(file, diagnostics, StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, diagnostics, StringComparison.Ordinal);
        foreach (var file in poisoned)
        {
            using var response = await client.GetAsync("/offres/" + Path.GetFileNameWithoutExtension(file));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        if (servedId is not null)
        {
            using var served = await client.GetAsync("/offres/" + servedId);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }
    }

    [Fact]
    public async Task Site_WhenStartedWithEveryPoison_ServesAndKeepsUpdating()
    {
        using var site = new SiteFactory();
        var poisoned = Poisons.Select(how => Poison(site, how)).ToList(); // Before the first request: the site starts with them.
        using var client = site.CreateClient();

        using (var search = await JsonAsync(client, "/api/offres?q=permis"))
        {
            Assert.True(search.RootElement.GetProperty("total").GetInt32() > 0);
        }

        await AssertTruthfulAndNothingLeakedAsync(client, poisoned, servedId: null);

        // The poison is read again by every reload: updates still go through.
        var id = await site.WriteOfferAsync("zyxpoisonvalide");
        Assert.True(await WaitUntilServedAsync(site, id));
        await site.Services.GetRequiredService<CatalogHost>().ReloadAsync(); // Settles any reload still queued.
        await AssertTruthfulAndNothingLeakedAsync(client, poisoned, id);
    }

    [Fact]
    public async Task Reload_WhenAliasBombArrivesWhileRunning_LaterOfferIsServedAndHealthTellsTheTruth()
    {
        using var site = new SiteFactory();
        using var client = site.CreateClient();
        await client.GetStringAsync("/healthz", TestContext.Current.CancellationToken);

        var poisoned = Poison(site, "bombe d'alias");
        var id = await site.WriteOfferAsync("zyxapresbombe");

        Assert.True(await WaitUntilServedAsync(site, id));
        await site.Services.GetRequiredService<CatalogHost>().ReloadAsync();
        await AssertTruthfulAndNothingLeakedAsync(client, [poisoned], id);
    }

    [Fact]
    public async Task Start_WhenLoadingTheContentFails_ServesAnEmptyIndexAndSaysSoThenRecovers()
    {
        var clock = new FailingOnceClock();
        using var site = new SiteFactory { ConfigureServices = s => s.AddSingleton<TimeProvider>(clock) };
        using var client = site.CreateClient();

        using (var health = await JsonAsync(client, "/healthz"))
        {
            Assert.Equal("dégradé", health.RootElement.GetProperty("status").GetString());
            Assert.Equal(0, health.RootElement.GetProperty("offers").GetInt32());
            Assert.StartsWith("Chargement du contenu impossible", health.RootElement.GetProperty("lastError").GetString(), StringComparison.Ordinal);
            Assert.Equal("index vide (contenu inutilisable)", health.RootElement.GetProperty("startedFrom").GetString());
        }

        Assert.Equal("Degraded", await client.GetStringAsync("/healthz/ready", TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/recherche?q=permis", TestContext.Current.CancellationToken)).StatusCode);

        Assert.True(await WaitUntilServedAsync(site, await site.WriteOfferAsync("zyxretour")));
        Assert.Equal("Healthy", await client.GetStringAsync("/healthz/ready", TestContext.Current.CancellationToken));
    }

    /// <summary>The system clock, except that the first reading of the date throws (a load that fails at start-up).</summary>
    private sealed class FailingOnceClock : TimeProvider
    {
        private int _calls;

        public override DateTimeOffset GetUtcNow() => Interlocked.Increment(ref _calls) == 1
            ? throw new InvalidOperationException("Panne simulée au chargement du contenu.")
            : System.GetUtcNow();
    }
}
