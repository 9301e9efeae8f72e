using System.ComponentModel.DataAnnotations;

namespace Annuaire.Web.Services;

/// <summary>Site settings (section <c>Annuaire</c>), validated at start-up.</summary>
public sealed class AnnuaireOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Annuaire";

    /// <summary>Content folder (holding offres/ and referentiels/); empty = the repository's <c>content</c> folder.</summary>
    public string ContentPath { get; set; } = string.Empty;

    /// <summary>
    /// Folder where the index is saved after each build and read back at start-up (fast start on
    /// large catalogues); empty = in memory only. One site instance per folder.
    /// </summary>
    public string IndexPath { get; set; } = string.Empty;

    /// <summary>How this instance gets its index: <c>Standalone</c> (built from the content, the default) or <c>Replica</c>.</summary>
    public AnnuaireMode Mode { get; set; } = AnnuaireMode.Standalone;

    /// <summary>
    /// Replica mode: the shared folder of published index versions (<c>annuaire index --out</c>),
    /// typically a mounted volume. The instance serves the version its manifest designates.
    /// </summary>
    public string IndexSource { get; set; } = string.Empty;

    /// <summary>Replica mode: seconds between two readings of the manifest.</summary>
    [Range(1, 3600)]
    public int IndexPollSeconds { get; set; } = 10;

    /// <summary>
    /// StackExchange.Redis configuration of an output cache shared by every instance
    /// (<c>redis.interne:6379,password=…</c>); empty = in-memory cache per instance.
    /// </summary>
    public string Redis { get; set; } = string.Empty;

    /// <summary>Longest wait for Redis on one request; beyond it, the page is served uncached.</summary>
    [Range(20, 10_000)]
    public int RedisTimeoutMilliseconds { get; set; } = 300;

    /// <summary>After a Redis failure, seconds during which pages are served uncached before Redis is tried again.</summary>
    [Range(1, 3600)]
    public int RedisRetrySeconds { get; set; } = 15;

    /// <summary>
    /// File of the « recherches sans réponse » counts; empty = next to the index folder
    /// (<c>IndexPath</c> + <c>.recherches-sans-reponse.json</c>), or in memory only without one.
    /// </summary>
    public string SearchGapsPath { get; set; } = string.Empty;

    /// <summary>« Proposer une modification » link; <c>{path}</c> is replaced by the offer's file path under content/.</summary>
    [Required]
    public string EditUrlTemplate { get; set; } = "https://github.com/annuaire/annuaire/edit/main/content/{path}";

    /// <summary>
    /// Size of this instance's in-memory output cache (not used with <see cref="Redis"/>), in
    /// megabytes. The default is ASP.NET Core's: at 100,000 offers it holds about 1,600 result
    /// pages of about 62 KB; it is part of the instance's memory (docs/deploiement.md).
    /// </summary>
    [Range(1, 4096)]
    public int OutputCacheMegabytes { get; set; } = 100;

    /// <summary>Offers verified longer ago than this are shown « à vérifier ».</summary>
    [Range(1, 120)]
    public int StaleAfterMonths { get; set; } = 12;

    /// <summary>Quiet time after the last file change before the index is rebuilt.</summary>
    [Range(50, 60_000)]
    public int ReloadDebounceMilliseconds { get; set; } = 500;

    /// <summary>Requests allowed per minute and client before a 429.</summary>
    [Range(10, 1_000_000)]
    public int RequestsPerMinutePerClient { get; set; } = 600;

    /// <summary>
    /// The address the public reaches the site at (<c>https://annuaire.example.org</c>): every absolute
    /// URL the site writes (embed code, handout, sitemap, OpenSearch, export, OpenAPI) starts with it,
    /// never with the request's Host header. When it is https, HSTS is sent and http requests are
    /// redirected to it. <c>AllowedHosts</c> defaults to its host (and <c>localhost</c>).
    /// </summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";

    /// <summary>The reverse proxy in front of the site (section <c>Annuaire:ReverseProxy</c>).</summary>
    public ReverseProxyOptions ReverseProxy { get; set; } = new();

    /// <summary>Who may read <c>/admin/diagnostics</c> (section <c>Annuaire:Admin</c>).</summary>
    public AdminOptions Admin { get; set; } = new();

    /// <summary><see cref="PublicUrl"/> as scheme, host and port, without a trailing slash.</summary>
    public string PublicOrigin => new Uri(PublicUrl).GetLeftPart(UriPartial.Authority);

    /// <summary>Whether the public address is https.</summary>
    public bool IsPublicHttps => PublicUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(url.UserInfo) || url.AbsolutePath != "/" || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            yield return new ValidationResult(
                $"Annuaire:PublicUrl « {PublicUrl} » : donnez l'adresse publique du site, sans chemin ni paramètres (exemple : https://annuaire.example.org).", [nameof(PublicUrl)]);
        }

        if (Mode == AnnuaireMode.Replica && string.IsNullOrWhiteSpace(IndexSource))
        {
            yield return new ValidationResult(
                "Annuaire:Mode vaut Replica : réglez Annuaire:IndexSource, le dossier partagé des versions de l'index (écrit par « annuaire index --out »).", [nameof(IndexSource)]);
        }

        if (!string.IsNullOrWhiteSpace(Redis) && !IsRedisConfiguration(Redis))
        {
            yield return new ValidationResult(
                "Annuaire:Redis : configuration illisible (exemple : redis.interne:6379,password=…).", [nameof(Redis)]);
        }

        if (ReverseProxy.ForwardLimit is < 1 or > 10)
        {
            yield return new ValidationResult("Annuaire:ReverseProxy:ForwardLimit doit être compris entre 1 et 10.", ["ReverseProxy:ForwardLimit"]);
        }

        if (Admin.Key.Length is > 0 and < 32)
        {
            yield return new ValidationResult("Annuaire:Admin:Key doit compter au moins 32 caractères (ou rester vide).", ["Admin:Key"]);
        }

        foreach (var (key, value, valid) in ReverseProxy.KnownNetworks.Select(n => ("ReverseProxy:KnownNetworks", n, System.Net.IPNetwork.TryParse(n, out _)))
            .Concat(ReverseProxy.KnownProxies.Select(p => ("ReverseProxy:KnownProxies", p, System.Net.IPAddress.TryParse(p, out _))))
            .Concat(Admin.AllowedNetworks.Select(n => ("Admin:AllowedNetworks", n, System.Net.IPNetwork.TryParse(n, out _)))))
        {
            if (!valid)
            {
                yield return new ValidationResult($"Annuaire:{key} : « {value} » n'est ni une adresse IP ni un réseau (exemple : 10.0.0.0/8).", [key]);
            }
        }
    }

    private static bool IsRedisConfiguration(string value)
    {
        try
        {
            return StackExchange.Redis.ConfigurationOptions.Parse(value).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The content folder to use: the configured one, else <c>content</c> found upwards from the working directory.</summary>
    public string ResolveContentPath()
    {
        if (!string.IsNullOrWhiteSpace(ContentPath))
        {
            return Path.GetFullPath(ContentPath);
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content");
            if (Directory.Exists(Path.Combine(candidate, "offres")))
            {
                return candidate;
            }
        }

        return Path.GetFullPath("content");
    }
}
