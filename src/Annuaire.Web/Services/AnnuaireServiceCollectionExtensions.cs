using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Annuaire.Search;
using Annuaire.Web.Endpoints;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.WebEncoders;
using Microsoft.Extensions.Options;

namespace Annuaire.Web.Services;

/// <summary>Registrations of the site, in one place.</summary>
public static class AnnuaireServiceCollectionExtensions
{
    /// <summary>Output-cache policy of pages and API (see <see cref="OutputCacheServiceCollectionExtensions"/>).</summary>
    public const string CachePolicy = OutputCacheServiceCollectionExtensions.CachePolicy;

    /// <summary>CORS policy of the API: the widget's allow-list.</summary>
    public const string CorsPolicy = WidgetServiceCollectionExtensions.CorsPolicy;

    /// <summary>Adds the engine, content host, caching, rate limiting, proxy handling, health checks and pages.</summary>
    public static IServiceCollection AddAnnuaire(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnnuaireOptions>().Bind(configuration.GetSection(AnnuaireOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddWidgetOptions(configuration);
        services.AddPublicPages(configuration);
        // What decides which services exist (mode, cache backend) is read once here; every setting a
        // service uses at run time comes from the validated IOptions instances.
        var site = configuration.GetSection(AnnuaireOptions.Section).Get<AnnuaireOptions>() ?? new AnnuaireOptions();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new OfferSearchEngine(sp.GetRequiredService<TimeProvider>()));
        AddCatalogSource(services, site);
        services.AddHealthChecks().AddCheck<CatalogHealthCheck>(CatalogHealthCheck.Name, tags: [CatalogHealthCheck.Name]);
        services.AddSingleton<AdminAccess>();
        services.AddSingleton<SafeMarkdown>();
        services.AddSingleton<SynonymGroupsCache>();
        services.AddAppointmentTools();
        // ASP.NET Core's default leaves < > & ' unescaped in JSON; user text echoed by the API must
        // never read as markup, even to a client that ignores nosniff. Accented letters stay readable.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        // Pages are French: by default Razor and the component renderer write every accented letter
        // as a character reference (« &#xE9; »), which made pages a tenth larger and encoding a hot
        // spot of rendering. Markup characters (< > & " ') are still always escaped.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.Conventions.AddPageRoute("/Index", "recherche");
            o.Conventions.AddFolderApplicationModelConvention("/Admin", model => model.Filters.Add(new AdminOnlyFilter()));
        });
        services.AddAnnuaireApi();
        services.AddOptions<OpenApiOptions>("v1").Configure<IOptions<AnnuaireOptions>>((o, options) => o.AddDocumentTransformer((document, _, _) =>
        {
            // The configured address, not the one the request used (Host is the client's to choose).
            document.Servers = [new() { Url = options.Value.PublicOrigin }];
            return Task.CompletedTask;
        }));
        services.AddAnnuaireOutputCache(site);
        AddRateLimiting(services);
        AddReverseProxy(services, configuration);
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        return services;
    }

    /// <summary>Where the index comes from: built from the content (default), or published versions (replica).</summary>
    private static void AddCatalogSource(IServiceCollection services, AnnuaireOptions site)
    {
        if (site.Mode == AnnuaireMode.Replica)
        {
            AddSource<ReplicaHost>(services);
        }
        else
        {
            AddSource<CatalogHost>(services);
        }

        static void AddSource<THost>(IServiceCollection services)
            where THost : BackgroundService, ICatalogSource
        {
            services.AddSingleton<THost>();
            services.AddSingleton<ICatalogSource>(sp => sp.GetRequiredService<THost>());
            services.AddHostedService(sp => sp.GetRequiredService<THost>());
        }
    }

    /// <summary>
    /// One bucket per client address and allowed embedding origin (see <see cref="ClientPartition"/>);
    /// health endpoints are never limited, so a load balancer's checks always get through.
    /// </summary>
    private static void AddRateLimiting(IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AnnuaireOptions>, IOptions<WidgetOptions>>((options, siteOptions, widget) =>
        {
            var site = siteOptions.Value;
            var allowedOrigins = ClientPartition.Canonical(widget.Value.AllowedOrigins);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : RateLimitPartition.GetFixedWindowLimiter(ClientPartition.Key(context, allowedOrigins), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = site.RequestsPerMinutePerClient,
                        Window = TimeSpan.FromMinutes(1),
                    }));
            options.OnRejected = async (context, token) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                if (ApiProblems.IsApiRequest(context.HttpContext))
                {
                    await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests);
                    return;
                }

                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Trop de requêtes : merci de patienter une minute avant de réessayer.", token);
            };
        });
    }

    /// <summary>
    /// Client address and scheme from the trusted proxies only (<see cref="ReverseProxyOptions"/>);
    /// <c>X-Forwarded-Host</c> is never read. Unless <c>AllowedHosts</c> is set, only the public
    /// host (and the loopback names, for checks run on the machine) is served.
    /// </summary>
    private static void AddReverseProxy(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<AnnuaireOptions>>((options, siteOptions) =>
        {
            var site = siteOptions.Value;
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = site.ReverseProxy.ForwardLimit;
            if (site.ReverseProxy.KnownNetworks.Count > 0 || site.ReverseProxy.KnownProxies.Count > 0)
            {
                options.KnownIPNetworks.Clear();
                options.KnownProxies.Clear();
                foreach (var network in site.ReverseProxy.KnownNetworks)
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }

                foreach (var proxy in site.ReverseProxy.KnownProxies)
                {
                    options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
                }
            }
        });
        services.AddOptions<HostFilteringOptions>().PostConfigure<IOptions<AnnuaireOptions>>((o, site) =>
        {
            if (string.IsNullOrWhiteSpace(configuration["AllowedHosts"]) && Uri.TryCreate(site.Value.PublicUrl, UriKind.Absolute, out var publicUrl))
            {
                o.AllowedHosts = [publicUrl.IdnHost, "localhost", "127.0.0.1", "[::1]"];
            }
        });
    }
}
