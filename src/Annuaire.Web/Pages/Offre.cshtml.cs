using Annuaire.Content.Model;
using Annuaire.Content.Scheduling;
using Annuaire.Search;
using Annuaire.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Annuaire.Web.Pages;

/// <summary>One offer, with everything an adviser needs to mobilise it.</summary>
[OutputCache(PolicyName = AnnuaireServiceCollectionExtensions.CachePolicy)]
public sealed class OffreModel(OfferSearchEngine engine, SafeMarkdown markdown, IOptions<AnnuaireOptions> options, OpeningClock opening) : PageModel
{
    /// <summary>The offer.</summary>
    public Offer Offer { get; private set; } = null!;

    /// <summary>Sanitised HTML of the description.</summary>
    public string BodyHtml { get; private set; } = string.Empty;

    /// <summary>Related offers (same thématique, same territory).</summary>
    public IReadOnlyList<Offer> Related { get; private set; } = [];

    /// <summary>Labels.</summary>
    public Labels Labels { get; private set; } = new(null);

    /// <summary>Today in Paris.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>The window of the browser opening intervals.</summary>
    public string Window { get; private set; } = string.Empty;

    /// <summary>Whether the offer is older than the freshness threshold.</summary>
    public bool IsStale { get; private set; }

    /// <summary>The « proposer une modification » link.</summary>
    public string EditUrl => options.Value.EditUrlTemplate.Replace("{path}", Offer.SourcePath, StringComparison.Ordinal);

    /// <summary>Loads the offer, or answers 404.</summary>
    public IActionResult OnGet(string id)
    {
        if (engine.Find(id) is not { } offer)
        {
            return NotFound();
        }

        Offer = offer;
        BodyHtml = markdown.ToHtml(offer.Body);
        Related = engine.Related(offer);
        Labels = new Labels(engine.Referentials);
        Today = DateOnly.FromDateTime(opening.Now);
        Window = opening.BrowserWindow();
        IsStale = offer.IsStale(Today, options.Value.StaleAfterMonths);
        return Page();
    }

    /// <summary>Browser opening intervals of one place (the offer's temporary closure applied).</summary>
    public string Intervals(OpeningHours hours) => opening.BrowserIntervals([hours], Offer.FermetureTemporaire);
}
