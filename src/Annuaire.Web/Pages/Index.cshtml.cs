using Annuaire.Content.Parsing;
using Annuaire.Content.Reporting;
using Annuaire.Content.Scheduling;
using Annuaire.Search;
using Annuaire.Search.Querying;
using Annuaire.Web.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Annuaire.Web.Pages;

/// <summary>The search page: the URL holds the whole state.</summary>
[OutputCache(PolicyName = AnnuaireServiceCollectionExtensions.CachePolicy)]
public sealed class IndexModel(OfferSearchEngine engine, IOptions<AnnuaireOptions> options, TimeProvider clock, OpeningClock opening, SearchGaps gaps, SynonymGroupsCache synonyms) : PageModel
{
    private MatchExplainer? _explainer;

    /// <summary>The request read from the URL.</summary>
    public SearchRequest Search { get; private set; } = new();

    /// <summary>Whether the « ouvert maintenant » filter is on.</summary>
    public bool OpenNow { get; private set; }

    /// <summary>With the open-now filter and no result: how many offers the search gives without it.</summary>
    public int? CountWithoutOpenNow { get; private set; }

    /// <summary>The answer.</summary>
    public SearchResponse Result { get; private set; } = null!;

    /// <summary>Labels of the index being served.</summary>
    public Labels Labels { get; private set; } = new(null);

    /// <summary>Today in Paris.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>Freshness threshold.</summary>
    public int StaleAfterMonths => options.Value.StaleAfterMonths;

    /// <summary>The opening clock (browser intervals of each card).</summary>
    public OpeningClock Opening => opening;

    /// <summary>Runs the search.</summary>
    public void OnGet()
    {
        Search = SearchParameters.Read(HttpContext.Request.Query);
        OpenNow = SearchParameters.ReadOpenNow(HttpContext.Request.Query);
        if (OpenNow)
        {
            // The answer depends on the minute: computed now, never stored in the output cache.
            DoNotCache();
            Result = engine.Search(Search with { OnlyIds = opening.OpenNow(engine.All()) });
            if (Result.Total == 0)
            {
                CountWithoutOpenNow = engine.Search(Search with { PageSize = 1, Highlight = false }).Total;
            }
        }
        else
        {
            Result = engine.Search(Search);
        }

        var referentials = engine.Referentials;
        Labels = new Labels(referentials);
        Today = FrenchClock.Today(clock);
        _explainer = new MatchExplainer(referentials, synonyms.For(referentials), Search, Result);
        if (Result.Page == 1 && Result.Total <= SearchGapLog.FewResults && !string.IsNullOrWhiteSpace(Result.EffectiveText))
        {
            // Counted on every such search, so the page is not served from the cache next time.
            DoNotCache();
            gaps.Record(Result.PlaceInText?.TextWithoutPlace ?? Result.EffectiveText, Result.PlaceInText?.Code ?? Search.Territoire, Result.Total);
        }
    }

    /// <summary>« Pourquoi cette offre ? » for a hit.</summary>
    public IReadOnlyList<string> Reasons(SearchHit hit) => _explainer?.Explain(hit) ?? [];

    /// <summary>Browser opening intervals of a hit, or null when it gives no hours.</summary>
    public string? Intervals(SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return OfferOpening.HasHours(hit.Offer)
            ? opening.BrowserIntervals(hit.Offer.Lieux.Select(l => l.OpeningHours).OfType<OpeningHours>(), hit.Offer.FermetureTemporaire)
            : null;
    }

    /// <summary>The URL of a search, the open-now filter kept.</summary>
    public string SearchUrl(SearchRequest request) => "/recherche" + SearchParameters.Write(request, OpenNow);

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
            next = Search.Toggle(dimension, value);
        }

        return SearchUrl(next);
    }

    /// <summary>URL of this search with the open-now filter switched.</summary>
    public string ToggleOpenNow() => "/recherche" + SearchParameters.Write(Search with { Page = 1 }, !OpenNow);

    /// <summary>URL of this search on another page.</summary>
    public string PageUrl(int page) => SearchUrl(Search with { Page = page });

    /// <summary>URL of this search with another sort.</summary>
    public string SortUrl(SearchSort sort) => SearchUrl(Search with { Sort = sort, Page = 1 });

    private void DoNotCache()
    {
        if (HttpContext.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            cache.Context.AllowCacheStorage = false;
        }
    }
}
