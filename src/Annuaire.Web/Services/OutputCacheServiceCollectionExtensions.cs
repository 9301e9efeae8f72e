using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace Annuaire.Web.Services;

/// <summary>The output cache of pages and API: in memory per instance, or shared by every instance in Redis.</summary>
public static class OutputCacheServiceCollectionExtensions
{
    /// <summary>Output-cache policy of pages and API: varies by the known search keys and the index version.</summary>
    public const string CachePolicy = "recherche";

    /// <summary>
    /// Adds the output cache with its policy; with <see cref="AnnuaireOptions.Redis"/>, the store is
    /// Redis behind <see cref="ResilientOutputCacheStore"/> (Redis down = pages served uncached).
    /// </summary>
    public static IServiceCollection AddAnnuaireOutputCache(this IServiceCollection services, AnnuaireOptions site)
    {
        ArgumentNullException.ThrowIfNull(site);
        services.AddOutputCache(options =>
        {
            options.SizeLimit = site.OutputCacheMegabytes * 1024L * 1024;
            options.AddPolicy(CachePolicy, policy => policy
                .SetVaryByQuery(SearchParameters.Keys.Concat(["o", "id", "filtres", "origine"]).ToArray())
                .Tag(CatalogHost.CacheTag)
                // Pages never depend on the Host header (absolute addresses come from PublicUrl and
                // AllowedHosts filters it): instances reached under different names or ports share entries.
                .SetVaryByHost(false)
                // Keyed by index version too: a response computed from the previous index but stored
                // after the swap's eviction, or by an instance that has not swapped yet into the cache
                // it shares with others, can never be served in place of the new one.
                .VaryByValue(context => new KeyValuePair<string, string>("index",
                    context.RequestServices.GetRequiredService<ICatalogSource>().IndexVersion ?? "aucun"))
                .Expire(TimeSpan.FromMinutes(10))
                // Without locking: in .NET 10, when the first request for a key is aborted (an adviser
                // clicks away), requests waiting on it can get its empty or truncated response
                // (dotnet/aspnetcore#52310, #66877, fixed in .NET 11). Searches take milliseconds,
                // so a stampede costs less than a blank page.
                .SetLocking(false));
        });

        if (string.IsNullOrWhiteSpace(site.Redis))
        {
            services.AddSingleton(new OutputCacheBackend(OutputCacheBackend.Memory));
            return services;
        }

        services.AddSingleton(new OutputCacheBackend(OutputCacheBackend.Redis));
        services.AddStackExchangeRedisOutputCache(options =>
        {
            options.ConfigurationOptions = RedisConfiguration(site);
            // One key space per build of the site: during a rolling deployment, old and new code
            // never serve each other's pages.
            options.InstanceName = "annuaire:" + typeof(OutputCacheBackend).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12] + ":";
        });
        var redis = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(redis);
        services.AddSingleton<IOutputCacheStore>(sp => new ResilientOutputCacheStore(
            (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, redis.ImplementationType!),
            sp.GetRequiredService<OutputCacheBackend>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ResilientOutputCacheStore>>(),
            TimeSpan.FromMilliseconds(site.RedisTimeoutMilliseconds),
            TimeSpan.FromSeconds(site.RedisRetrySeconds)));
        services.AddHealthChecks().AddCheck<OutputCacheHealthCheck>(OutputCacheHealthCheck.Name, tags: [CatalogHealthCheck.Name]);
        return services;
    }

    /// <summary>The configured connection, with waits short enough for a page: a slow Redis must never hold one up.</summary>
    private static ConfigurationOptions RedisConfiguration(AnnuaireOptions site)
    {
        var options = ConfigurationOptions.Parse(site.Redis);
        options.AbortOnConnectFail = false; // Start without Redis; it is tried again in the background.
        options.BacklogPolicy = BacklogPolicy.FailFast; // Never queue a page's command while disconnected.
        options.ConnectTimeout = Math.Max(site.RedisTimeoutMilliseconds, 1000);
        options.AsyncTimeout = site.RedisTimeoutMilliseconds;
        options.SyncTimeout = site.RedisTimeoutMilliseconds;
        options.ConnectRetry = 1;
        return options;
    }
}
