using Annuaire.Content.Diagnostics;
using Annuaire.Search;
using Annuaire.Web.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Annuaire.Web.Pages.Admin;

/// <summary>Read-only state of the content: files skipped and warnings (no secrets, no paths outside content/).</summary>
public sealed class DiagnosticsModel(CatalogHost host, OfferSearchEngine engine) : PageModel
{
    /// <summary>Diagnostics of the last load.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => host.Diagnostics;

    /// <summary>Index status.</summary>
    public IndexStatus? Status => engine.Status;

    /// <summary>Last reload failure.</summary>
    public string? LastError => host.LastError;

    /// <summary>Last failure to save the index on disk.</summary>
    public string? SaveError => host.SaveError;

    /// <summary>Where the index served at start-up came from.</summary>
    public string StartupSource => host.StartupSource;

    /// <summary>Nothing to do: properties read the live state.</summary>
    public void OnGet()
    {
    }
}
