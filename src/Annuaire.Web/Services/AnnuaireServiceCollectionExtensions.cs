using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Annuaire.Search;

namespace Annuaire.Web.Services;

/// <summary>Registrations of the site, in one place.</summary>
public static class AnnuaireServiceCollectionExtensions
{
    /// <summary>Output-cache policy of pages and API: varies by the known search keys only.</summary>
    public const string CachePolicy = "recherche";

    /// <summary>CORS policy of the API: the widget's allow-list.</summary>
    public const string CorsPolicy = "integrations";

    /// <summary>Adds the engine, content host, caching, rate limiting and pages.</summary>
    public static IServiceCollection AddAnnuaire(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnnuaireOptions>().Bind(configuration.GetSection(AnnuaireOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WidgetOptions>().Bind(configuration.GetSection(WidgetOptions.Section));
        var widget = new WidgetOptions();
        configuration.GetSection(WidgetOptions.Section).Bind(widget);
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy =>
        {
            policy.SetIsOriginAllowed(widget.Allows).WithMethods("GET").AllowAnyHeader();
        }));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new OfferSearchEngine(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<CatalogHost>();
        services.AddHostedService(sp => sp.GetRequiredService<CatalogHost>());
        services.AddSingleton<SafeMarkdown>();
        services.AddAppointmentTools();
        // ASP.NET Core's default leaves < > & ' unescaped in JSON; user text echoed by the API must
        // never read as markup, even to a client that ignores nosniff. Accented letters stay readable.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddRazorPages(o => o.Conventions.AddPageRoute("/Index", "recherche"));
        services.AddOpenApi();
        services.AddOutputCache(options =>
        {
            options.AddPolicy(CachePolicy, policy => policy
                .SetVaryByQuery(SearchParameters.Keys.Concat(["o", "id", "filtres", "origine"]).ToArray())
                .Tag(CatalogHost.CacheTag)
                .Expire(TimeSpan.FromMinutes(10))
                // Without locking: in .NET 10, when the first request for a key is aborted (an adviser
                // clicks away), requests waiting on it can get its empty or truncated response
                // (dotnet/aspnetcore#52310, #66877, fixed in .NET 11). Searches take milliseconds,
                // so a stampede costs less than a blank page.
                .SetLocking(false));
        });
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // An intranet sits behind one NAT address: requests coming from an allowed embedding
            // origin are counted per origin, not per IP, so a whole Département is not throttled.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(
                    EmbeddingOrigin(context, widget) is { } origin ? "origine:" + origin : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "inconnu"),
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

    /// <summary>The allowed origin embedding this request (Origin header, else Referer), or null.</summary>
    internal static string? EmbeddingOrigin(HttpContext context, WidgetOptions widget)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin) && Uri.TryCreate(context.Request.Headers.Referer.ToString(), UriKind.Absolute, out var referer))
        {
            origin = referer.GetLeftPart(UriPartial.Authority);
        }

        return widget.AllowedOrigins.Count > 0 && widget.Allows(origin) && !widget.AllowedOrigins.Contains("*") ? origin : null;
    }
}
