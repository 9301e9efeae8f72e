using System.Globalization;
using System.Threading.RateLimiting;
using Annuaire.Search;

namespace Annuaire.Web.Services;

/// <summary>Registrations of the site, in one place.</summary>
public static class AnnuaireServiceCollectionExtensions
{
    /// <summary>Output-cache policy of pages and API: varies by the known search keys only.</summary>
    public const string CachePolicy = "recherche";

    /// <summary>Adds the engine, content host, caching, rate limiting and pages.</summary>
    public static IServiceCollection AddAnnuaire(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnnuaireOptions>().Bind(configuration.GetSection(AnnuaireOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new OfferSearchEngine(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<CatalogHost>();
        services.AddHostedService(sp => sp.GetRequiredService<CatalogHost>());
        services.AddSingleton<SafeMarkdown>();
        services.AddRazorPages(o => o.Conventions.AddPageRoute("/Index", "recherche"));
        services.AddOpenApi();
        services.AddOutputCache(options =>
        {
            options.AddPolicy(CachePolicy, policy => policy
                .SetVaryByQuery(SearchParameters.Keys.Concat(["o", "note", "id"]).ToArray())
                .Tag(CatalogHost.CacheTag)
                .Expire(TimeSpan.FromMinutes(10)));
        });
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "inconnu",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = configuration.GetValue($"{AnnuaireOptions.Section}:RequestsPerMinutePerClient", 600),
                        Window = TimeSpan.FromMinutes(1),
                    }));
            options.OnRejected = async (context, token) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsync("Trop de requêtes : merci de patienter une minute avant de réessayer.", token);
            };
        });
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        return services;
    }
}
