using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Annuaire.Web.Services;

/// <summary>Decides who may read the administration pages (see <see cref="AdminOptions"/>).</summary>
public sealed class AdminAccess
{
    private readonly IPNetwork[] _networks;
    private readonly byte[] _key;

    /// <summary>Reads the allow-list and the key once.</summary>
    public AdminAccess(IOptions<AnnuaireOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var admin = options.Value.Admin;
        _networks = admin.AllowedNetworks.Count == 0
            ? [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")]
            : [.. admin.AllowedNetworks.Select(IPNetwork.Parse)];
        _key = Encoding.UTF8.GetBytes(admin.Key);
    }

    /// <summary>Whether the client (its address after the trusted proxies) or its key is allowed.</summary>
    public bool Allows(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_key.Length > 0 && context.Request.Headers[AdminOptions.KeyHeader].ToString() is { Length: > 0 } given
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _key))
        {
            return true;
        }

        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return false;
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _networks.Any(n => n.Contains(address));
    }
}
