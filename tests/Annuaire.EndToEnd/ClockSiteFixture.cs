using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Annuaire.EndToEnd;

/// <summary>
/// A second site for the open-now flows: the repository's referentials, the offers of
/// <c>TestData/appointment</c> and a clock the test sets, on a free loopback port.
/// </summary>
public sealed class ClockSiteFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _site;
    private string _content = string.Empty;

    public string SiteUrl { get; private set; } = string.Empty;

    public SettableClock Clock { get; } = new(new DateTimeOffset(2026, 7, 15, 10, 0, 0, TimeSpan.FromHours(2)));

    public ValueTask InitializeAsync()
    {
        if (ChromiumLocator.Find() is null)
        {
            return ValueTask.CompletedTask; // The tests report themselves skipped through BrowserFixture.Browser.
        }

        _content = Directory.CreateTempSubdirectory("annuaire-e2e-rdv-").FullName;
        Copy(Path.Combine(Root(), "content", "referentiels"), Path.Combine(_content, "referentiels"));
        Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "appointment", "offres"), Path.Combine(_content, "offres"));
        _site = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Annuaire:ContentPath", _content);
            b.UseSetting("Annuaire:RequestsPerMinutePerClient", "100000");
            b.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        _site.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _site.StartServer();
        SiteUrl = _site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return ValueTask.CompletedTask;
    }

    /// <summary>Moves the site's clock and drops cached pages (they carry intervals from the time they were drawn).</summary>
    public async Task SetTimeAsync(DateTimeOffset now)
    {
        Clock.Now = now;
        await _site!.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(Annuaire.Web.Services.CatalogHost.CacheTag, default);
    }

    public ValueTask DisposeAsync()
    {
        _site?.Dispose();
        if (_content.Length > 0 && Directory.Exists(_content))
        {
            Directory.Delete(_content, recursive: true);
        }

        return ValueTask.CompletedTask;
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

    private static string Root()
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
