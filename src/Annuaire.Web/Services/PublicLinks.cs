using Microsoft.Extensions.Options;

namespace Annuaire.Web.Services;

/// <summary>Absolute links from the configured public address (never from the request's Host header).</summary>
public sealed class PublicLinks(IOptions<AnnuaireOptions> options)
{
    private readonly Uri _root = new(options.Value.PublicUrl.TrimEnd('/') + "/");

    /// <summary>The public page of an offer.</summary>
    public Uri Offer(string id) => new(_root, "offres/" + Uri.EscapeDataString(id));

    /// <summary>A selection (offers only: the note never travels).</summary>
    public Uri Selection(IEnumerable<string> ids) => new(_root, "selection" + QueryString.Create(ids.Select(id => new KeyValuePair<string, string?>("o", id))));
}
