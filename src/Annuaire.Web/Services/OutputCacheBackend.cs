namespace Annuaire.Web.Services;

/// <summary>Which output cache serves the pages, and whether it currently works (for health).</summary>
public sealed class OutputCacheBackend
{
    /// <summary>Name shown by <c>/healthz</c> for the in-memory cache of one instance.</summary>
    public const string Memory = "memory";

    /// <summary>Name shown by <c>/healthz</c> for the Redis cache shared by the instances.</summary>
    public const string Redis = "redis";

    /// <summary>Creates the status of a backend.</summary>
    public OutputCacheBackend(string name)
    {
        Name = name;
    }

    /// <summary><see cref="Memory"/> or <see cref="Redis"/>.</summary>
    public string Name { get; }

    /// <summary>Why the cache is out of service (pages served uncached), in French; null when it works.</summary>
    public string? Problem { get; internal set; }
}
