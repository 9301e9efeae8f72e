namespace Annuaire.Web.Services;

/// <summary>
/// Who may read <c>/admin/diagnostics</c> (section <c>Annuaire:Admin</c>): clients from
/// <see cref="AllowedNetworks"/> (the machine itself when empty), or any client sending
/// <see cref="Key"/> in the <c>X-Annuaire-Cle</c> header. Everyone else gets a 404.
/// </summary>
public sealed class AdminOptions
{
    /// <summary>The request header carrying the key.</summary>
    public const string KeyHeader = "X-Annuaire-Cle";

    /// <summary>Networks allowed without a key, in CIDR notation; empty = loopback only.</summary>
    public IList<string> AllowedNetworks { get; } = [];

    /// <summary>A secret that opens the page from anywhere (at least 32 characters); empty = no key.</summary>
    public string Key { get; set; } = string.Empty;
}
