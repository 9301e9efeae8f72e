using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Annuaire.EndToEnd;

/// <summary>
/// The real site on a loopback port (Kestrel), a second loopback origin serving intranet host
/// pages, and Debian's Chromium driven by Playwright (never `playwright install`).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _site;
    private WebApplication? _host;
    private WebApplication? _otherHost;
    private IPlaywright? _playwright;

    public string SiteUrl { get; private set; } = string.Empty;

    public string HostUrl { get; private set; } = string.Empty;

    /// <summary>A loopback origin that is not in the allow-list.</summary>
    public string OtherHostUrl { get; private set; } = string.Empty;

    private IBrowser? _browser;

    /// <summary>
    /// The browser; when none is installed, the calling test is reported skipped with the install
    /// command (or fails when <see cref="ChromiumLocator.RequireVariable"/> is 1, as in CI).
    /// </summary>
    public IBrowser Browser => _browser ?? throw SkipOrFail();

    private static Exception SkipOrFail()
    {
        var reason = $"Aucun Chromium trouvé pour les tests dans un navigateur. Installer : {ChromiumLocator.InstallHint}.";
        if (ChromiumLocator.IsRequired)
        {
            return new InvalidOperationException(reason + $" ({ChromiumLocator.RequireVariable}=1 : le navigateur est exigé.)");
        }

        Assert.Skip(reason);
        return new UnreachableException();
    }

    /// <summary>Screenshots folder: <c>ANNUAIRE_TEST_RESULTS</c> (set by CI to keep them), else next to the test binaries.</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("ANNUAIRE_TEST_RESULTS") is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "test-results")).FullName;

    public async ValueTask InitializeAsync()
    {
        var chromium = ChromiumLocator.Find();
        if (chromium is null)
        {
            return; // Nothing to drive: every test reports itself skipped through Browser.
        }

        // The allowed intranet origin must be known before the site starts: reserve its port first.
        _host = await StartHostAsync();
        HostUrl = _host.Urls.First();
        _otherHost = await StartHostAsync();
        OtherHostUrl = _otherHost.Urls.First();

        _site = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Annuaire:Widget:AllowedOrigins:0", HostUrl);
            b.UseSetting("Annuaire:RequestsPerMinutePerClient", "100000");
        });
        // A free port chosen by the system on 127.0.0.1 (never the default 5000: two runs, or any
        // other local service, would collide), read back from the running server.
        _site.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _site.StartServer();
        SiteUrl = _site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    private async Task<WebApplication> StartHostAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var host = builder.Build();
        host.MapGet("/{page}", (string page) => Results.Content(HostPage(page, SiteUrl), "text/html; charset=utf-8"));
        await host.StartAsync();
        return host;
    }

    private static string HostPage(string page, string site) => page switch
    {
        "script.html" => $$"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Intranet</title></head><body><h1>Intranet</h1><script src="{{site}}/widget.js" data-territoire="45" data-thematique="mobilite" data-taille="8"></script></body></html>""",
        _ => $$"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Intranet</title></head><body><h1>Intranet</h1><iframe id="f" src="{{site}}/widget?territoire=45" title="Recherche dans l'annuaire" style="width:100%;height:600px;border:0"></iframe></body></html>""",
    };

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _site?.Dispose();
        foreach (var host in new[] { _host, _otherHost })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
    }
}
