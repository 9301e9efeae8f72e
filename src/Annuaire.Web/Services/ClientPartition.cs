namespace Annuaire.Web.Services;

/// <summary>
/// The rate-limit bucket of a request: the client address (the real one when a trusted proxy
/// forwarded it) combined with the allowed embedding origin, written in one canonical form. Every
/// spelling of an origin (<c>HTTP://H:5999//</c>, <c>http://h:5999/</c>) lands in the same bucket,
/// and a third party sending a widget's origin only fills its own address's bucket.
/// </summary>
public static class ClientPartition
{
    /// <summary>The partition key of <paramref name="context"/>.</summary>
    public static string Key(HttpContext context, IReadOnlySet<string> allowedOrigins)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(allowedOrigins);
        var address = context.Connection.RemoteIpAddress;
        var client = address is null ? "inconnu" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        var origin = EmbeddingOrigin(context);
        return origin is not null && allowedOrigins.Contains(origin) ? client + " " + origin : client;
    }

    /// <summary>The configured origins in canonical form (<c>*</c> and invalid entries left out).</summary>
    public static IReadOnlySet<string> Canonical(IEnumerable<string> origins) =>
        origins.Select(Normalize).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// <c>scheme://host[:port]</c> in lower case, default port omitted, nothing after the authority;
    /// null when <paramref name="origin"/> is not an absolute http(s) address.
    /// </summary>
    public static string? Normalize(string? origin) =>
        Uri.TryCreate(origin?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0 && uri.Host.Length > 0
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;

    /// <summary>The embedding page's origin: the Origin header, else the Referer's origin.</summary>
    private static string? EmbeddingOrigin(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        return Normalize(origin.Length > 0 ? origin : context.Request.Headers.Referer.ToString());
    }
}
