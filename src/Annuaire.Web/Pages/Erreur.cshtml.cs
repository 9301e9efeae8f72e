using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Annuaire.Web.Pages;

/// <summary>French error pages (404 and others), never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErreurModel : PageModel
{
    /// <summary>The HTTP status shown.</summary>
    public int Status { get; private set; }

    /// <summary>Shows the page with the original status code.</summary>
    public void OnGet(int? code) => Status = code ?? StatusCodes.Status500InternalServerError;
}
