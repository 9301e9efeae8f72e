using AngleSharp;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Annuaire.Web.Tests;

/// <summary>
/// The site on the repository's referentials and the offers of <c>TestData/appointment</c>
/// (hours with <c>PH off</c>, 24/7, a temporary closure, none), with a clock the test sets.
/// </summary>
public sealed class AppointmentSite : WebApplicationFactory<Program>
{
    public AppointmentSite()
    {
        ContentPath = Directory.CreateTempSubdirectory("annuaire-rdv-").FullName;
        Copy(Path.Combine(RepositoryRoot(), "content", "referentiels"), Path.Combine(ContentPath, "referentiels"));
        Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "appointment", "offres"), Path.Combine(ContentPath, "offres"));
        IndexPath = Path.Combine(ContentPath + "-index", "index");
    }

    public string ContentPath { get; }

    public string IndexPath { get; }

    /// <summary>The site's clock; a Wednesday morning in Paris unless a test moves it.</summary>
    public SettableClock Clock { get; } = new(new DateTimeOffset(2026, 7, 15, 10, 0, 0, TimeSpan.FromHours(2)));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Annuaire:ContentPath", ContentPath);
        builder.UseSetting("Annuaire:IndexPath", IndexPath);
        builder.UseSetting("Annuaire:RequestsPerMinutePerClient", "100000");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, SiteFactory.ClientAddressFilter>(); // Requests from 127.0.0.1, as on the machine (admin pages).
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            foreach (var folder in new[] { ContentPath, ContentPath + "-index" }.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Drops every cached page (pages carry opening intervals from the time they were drawn).</summary>
    public Task ForgetCachedPagesAsync() =>
        Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(Annuaire.Web.Services.CatalogHost.CacheTag, TestContext.Current.CancellationToken).AsTask();

    public async Task<IHtmlDocument> GetDocumentAsync(string url)
    {
        using var client = CreateClient();
        var html = await client.GetStringAsync(url);
        return (IHtmlDocument)await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }
}

/// <summary>A clock a test moves.</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
