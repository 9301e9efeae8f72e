using Annuaire.Content.Diagnostics;
using Annuaire.Search;
using Annuaire.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Annuaire.Web.Pages.Admin;

/// <summary>
/// Read-only state of the content: files skipped and warnings (no secrets, no paths outside
/// content/), errors first, <see cref="PageSize"/> per page. Reserved by <see cref="AdminOnlyFilter"/>.
/// </summary>
public sealed class DiagnosticsModel(ICatalogSource host, OfferSearchEngine engine) : PageModel
{
    /// <summary>Diagnostics per page.</summary>
    public const int PageSize = 100;

    /// <summary>The diagnostics of this page: errors first, then warnings.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; private set; } = [];

    /// <summary>Errors in the last load.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>Warnings in the last load.</summary>
    public int WarningCount { get; private set; }

    /// <summary>The page shown (1-based).</summary>
    public int PageNumber { get; private set; } = 1;

    /// <summary>Number of pages.</summary>
    public int PageCount { get; private set; } = 1;

    /// <summary>Index status.</summary>
    public IndexStatus? Status => engine.Status;

    /// <summary>Last reload failure.</summary>
    public string? LastError => host.LastError;

    /// <summary>Last failure to save the index on disk.</summary>
    public string? SaveError => host.SaveError;

    /// <summary>Where the index served at start-up came from.</summary>
    public string StartupSource => host.StartupSource;

    /// <summary>Takes one page of the live diagnostics (<c>?page=</c>; "page" alone is a reserved route value in Razor Pages).</summary>
    public void OnGet([FromQuery(Name = "page")] int? page)
    {
        var all = host.Diagnostics;
        ErrorCount = all.Count(d => d.IsError);
        WarningCount = all.Count - ErrorCount;
        PageCount = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page ?? 1, 1, PageCount);
        Diagnostics = [.. all.Where(d => d.IsError).Concat(all.Where(d => !d.IsError)).Skip((PageNumber - 1) * PageSize).Take(PageSize)];
    }
}
