using Annuaire.Content.Model;
using Annuaire.Search;
using Annuaire.Web.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Annuaire.Web.Pages;

/// <summary>The printable handout: selected offers and a note, all in the URL (no server state).</summary>
[OutputCache(PolicyName = AnnuaireServiceCollectionExtensions.CachePolicy)]
public sealed class SelectionModel(OfferSearchEngine engine) : PageModel
{
    /// <summary>Longest note kept.</summary>
    public const int MaxNoteLength = 1000;

    /// <summary>Selected offers, in the order given.</summary>
    public IReadOnlyList<Offer> Offers { get; private set; } = [];

    /// <summary>Ids that no longer exist.</summary>
    public IReadOnlyList<string> Missing { get; private set; } = [];

    /// <summary>The adviser's note.</summary>
    public string? Note { get; private set; }

    /// <summary>Labels.</summary>
    public Labels Labels { get; private set; } = new(null);

    /// <summary>Reads the selection from the URL.</summary>
    public void OnGet()
    {
        var ids = HttpContext.Request.Query["o"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().Take(20).ToList();
        Offers = [.. ids.Select(engine.Find).OfType<Offer>()];
        Missing = [.. ids.Where(id => engine.Find(id) is null)];
        var note = HttpContext.Request.Query["note"].ToString();
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Length > MaxNoteLength ? note[..MaxNoteLength] : note;
        Labels = new Labels(engine.Referentials);
    }
}
