using Annuaire.Content.Parsing;
using Annuaire.Search;
using Annuaire.Search.Querying;
using Annuaire.Web.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Annuaire.Web.Pages;

/// <summary>The search page: the URL holds the whole state.</summary>
[OutputCache(PolicyName = AnnuaireServiceCollectionExtensions.CachePolicy)]
public sealed class IndexModel(OfferSearchEngine engine, IOptions<AnnuaireOptions> options, TimeProvider clock) : PageModel
{
    /// <summary>The request read from the URL.</summary>
    public SearchRequest Search { get; private set; } = new();

    /// <summary>The answer.</summary>
    public SearchResponse Result { get; private set; } = null!;

    /// <summary>Labels of the index being served.</summary>
    public Labels Labels { get; private set; } = new(null);

    /// <summary>Today in Paris.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>Freshness threshold.</summary>
    public int StaleAfterMonths => options.Value.StaleAfterMonths;

    /// <summary>Runs the search.</summary>
    public void OnGet()
    {
        Search = SearchParameters.Read(HttpContext.Request.Query);
        Result = engine.Search(Search);
        Labels = new Labels(engine.Referentials);
        Today = FrenchClock.Today(clock);
    }

    /// <summary>
    /// URL of this search with a filter toggled. When the territory comes from a place name typed
    /// in the text, the name leaves the text (else it would apply the territory again): removing
    /// that filter keeps the other words, choosing another département replaces it.
    /// </summary>
    public string Toggle(FacetDimension dimension, string value)
    {
        SearchRequest next;
        if (dimension == FacetDimension.Departement && Search.Territoire is null && Result.PlaceInText is { } place)
        {
            var selected = Result.Facets.TryGetValue(dimension, out var values) && values.Any(v => v.Value == value && v.Selected);
            next = Search with { Text = place.TextWithoutPlace, Territoire = selected ? null : value, Page = 1 };
        }
        else
        {
            next = SearchParameters.Toggle(Search, dimension, value);
        }

        return "/recherche" + SearchParameters.Write(next);
    }

    /// <summary>URL of this search on another page.</summary>
    public string PageUrl(int page) => "/recherche" + SearchParameters.Write(Search with { Page = page });

    /// <summary>URL of this search with another sort.</summary>
    public string SortUrl(SearchSort sort) => "/recherche" + SearchParameters.Write(Search with { Sort = sort, Page = 1 });
}
