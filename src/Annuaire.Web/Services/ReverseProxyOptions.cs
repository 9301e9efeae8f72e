namespace Annuaire.Web.Services;

/// <summary>
/// The reverse proxy in front of the site (section <c>Annuaire:ReverseProxy</c>). Only a request
/// arriving from one of these addresses may set the client address and scheme through
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>; the host always comes from
/// <see cref="AnnuaireOptions.PublicUrl"/>. With neither list set, only a proxy on the same machine
/// (loopback) is trusted.
/// </summary>
public sealed class ReverseProxyOptions
{
    /// <summary>Networks of trusted proxies, in CIDR notation (<c>10.0.0.0/8</c>).</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>Addresses of trusted proxies (<c>192.0.2.10</c>).</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>How many proxies in a row are trusted (entries read from the end of <c>X-Forwarded-For</c>), 1 to 10.</summary>
    public int ForwardLimit { get; set; } = 1;
}
