using AngleSharp;
using AngleSharp.Html.Dom;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Annuaire.Web.Tests;

/// <summary>The site on a private copy of the repository's content (so tests may modify it).</summary>
public sealed class SiteFactory : WebApplicationFactory<Program>
{
    public SiteFactory()
    {
        ContentPath = Directory.CreateTempSubdirectory("annuaire-web-").FullName;
        var source = RepositoryContent();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(ContentPath, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string ContentPath { get; }

    /// <summary>The configured public address: every absolute URL of the site starts with it, whatever the Host header.</summary>
    public const string PublicUrl = "http://annuaire.test";

    /// <summary>Extra <c>Annuaire:…</c> settings (for example an index folder), read when the site starts.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Annuaire:ContentPath", ContentPath);
        builder.UseSetting("Annuaire:ReloadDebounceMilliseconds", "100");
        builder.UseSetting("Annuaire:RequestsPerMinutePerClient", "100000");
        builder.UseSetting("Annuaire:PublicUrl", PublicUrl);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection());
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new ClientAddressFilter());
            ConfigureServices?.Invoke(services);
        });
    }

    /// <summary>Service replacements (for example a clock), applied when the site starts.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>
    /// The test server leaves the client address empty; Kestrel always sets it. Requests here come
    /// from 127.0.0.1, as from a browser or proxy on the same machine, unless a test sets
    /// <see cref="ClientAddressHeader"/> to play another client.
    /// </summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    internal sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[ClientAddressHeader].FirstOrDefault() ?? "127.0.0.1");
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(ContentPath))
        {
            Directory.Delete(ContentPath, recursive: true);
        }
    }

    internal static string RepositoryContent()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "content");
    }

    /// <summary>Writes a valid national offer whose title and text carry <paramref name="word"/>; returns its id.</summary>
    public async Task<string> WriteOfferAsync(string word)
    {
        var id = "offre-" + word;
        await File.WriteAllTextAsync(Path.Combine(ContentPath, "offres", "national", id + ".md"), $$"""
            ---
            titre: "Atelier {{word}} de test"
            resume: "Une offre écrite par un test pour vérifier la prise en compte du contenu."
            porteur: france-travail
            thematiques: [trouver-un-emploi--repondre-a-des-offres-demploi]
            zone_eligibilite: [france]
            date_maj: 2026-01-01
            ---
            Texte de l'offre de test {{word}}.
            """);
        return id;
    }

    public async Task<IHtmlDocument> GetDocumentAsync(string url)
    {
        using var client = CreateClient();
        var html = await client.GetStringAsync(url);
        var context = BrowsingContext.New(Configuration.Default);
        return (IHtmlDocument)await context.OpenAsync(r => r.Content(html));
    }
}
