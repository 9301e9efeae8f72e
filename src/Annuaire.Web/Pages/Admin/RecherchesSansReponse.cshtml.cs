using Annuaire.Content.Reporting;
using Annuaire.Search;
using Annuaire.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Annuaire.Web.Pages.Admin;

/// <summary>
/// « Recherches sans réponse »: the published rows (seen at least 3 times in a week), as a table,
/// or as the counts file with <c>?format=json</c> (read by the weekly freshness workflow).
/// </summary>
public sealed class RecherchesSansReponseModel(SearchGaps gaps, OfferSearchEngine engine) : PageModel
{
    /// <summary>The rows.</summary>
    public IReadOnlyList<SearchGapRow> Rows { get; private set; } = [];

    /// <summary>Labels (territory names).</summary>
    public Labels Labels { get; private set; } = new(null);

    /// <summary>Shows the table, or the JSON file.</summary>
    public IActionResult OnGet(string? format)
    {
        if (format == "json")
        {
            return Content(gaps.ToJson(), "application/json; charset=utf-8");
        }

        Rows = gaps.Published();
        Labels = new Labels(engine.Referentials);
        return Page();
    }
}
