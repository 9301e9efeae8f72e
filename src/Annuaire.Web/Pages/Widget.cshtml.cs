using Annuaire.Search;
using Annuaire.Search.Querying;
using Annuaire.Web.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Annuaire.Web.Pages;

/// <summary>
/// The embeddable search: presets chosen by the host page (territory, family, public, porteur,
/// page size, filters shown or not) are fixed; the visitor only types words and pages through.
/// </summary>
[OutputCache(PolicyName = AnnuaireServiceCollectionExtensions.CachePolicy)]
public sealed class WidgetModel(OfferSearchEngine engine, IOptions<WidgetOptions> widget) : PageModel
{
    /// <summary>The host's presets plus the visitor's words.</summary>
    public SearchRequest Search { get; private set; } = new();

    /// <summary>The answer.</summary>
    public SearchResponse Result { get; private set; } = null!;

    /// <summary>Labels.</summary>
    public Labels Labels { get; private set; } = new(null);

    /// <summary>Whether the visitor may choose a thématique family.</summary>
    public bool ShowFilters { get; private set; }

    /// <summary>The preset query string (without the visitor's words and page).</summary>
    public string Presets { get; private set; } = string.Empty;

    /// <summary>The allowed origin of the page embedding the widget by script, or null.</summary>
    public string? HostOrigin { get; private set; }

    /// <summary>Widget settings that every link and form of the frame carries along (filters, size, host origin).</summary>
    public string Carried => (ShowFilters ? "&filtres=oui" : string.Empty) + $"&taille={Search.PageSize}"
        + (HostOrigin is null ? string.Empty : "&origine=" + Uri.EscapeDataString(HostOrigin));

    /// <summary>Reads presets and words from the URL.</summary>
    public void OnGet()
    {
        var query = HttpContext.Request.Query;
        ShowFilters = query["filtres"] == "oui";
        HostOrigin = query["origine"].ToString() is { Length: > 0 and <= 200 } origin && widget.Value.Allows(origin) && Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
        var size = int.TryParse(query["taille"], out var t) ? Math.Clamp(t, 1, 20) : 5;
        Search = SearchParameters.Read(query, size) with { PageSize = size, Highlight = true };
        Presets = SearchParameters.Write(Search with { Text = null, Page = 1 }).TrimStart('?');
        Result = engine.Search(Search);
        Labels = new Labels(engine.Referentials);
    }

    /// <summary>URL of another page of the same widget search.</summary>
    public string PageUrl(int page) =>
        "/widget" + SearchParameters.Write(Search with { Page = page }) + Carried;
}
