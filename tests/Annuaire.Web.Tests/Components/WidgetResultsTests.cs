using Annuaire.Content.Model;
using Annuaire.Search.Highlighting;
using Annuaire.Search.Querying;
using Annuaire.Web.Components;
using Annuaire.Web.Services;
using Bunit;

namespace Annuaire.Web.Tests.Components;

public sealed class WidgetResultsTests : IDisposable
{
    private readonly BunitContext _context = new();

    public void Dispose() => _context.Dispose();

    private static SearchResponse Response(int total, params string[] ids) => new()
    {
        Total = total,
        Page = 1,
        PageSize = 5,
        Facets = new Dictionary<FacetDimension, IReadOnlyList<FacetValue>>(),
        Hits = [.. ids.Select(id => new SearchHit(
            new Offer
            {
                Id = id, SourcePath = $"offres/{id}.md", Titre = id, Resume = "Résumé de l'offre.", Porteur = "cd45",
                Thematiques = ["mobilite--preparer-un-permis"], ZoneEligibilite = ["45"], DateMaj = new DateOnly(2026, 1, 1), Body = "Texte.",
            },
            1, MarkedText.Unmarked(id), MarkedText.Unmarked("Résumé de l'offre."), null))],
    };

    [Fact]
    public void Render_WhenHits_LinksOpenTheDirectoryInANewTab()
    {
        var cut = _context.Render<WidgetResults>(p => p.Add(x => x.Result, Response(12, "aide-a", "aide-b")).Add(x => x.Labels, new Labels(null)));
        Assert.Equal("12 offres", cut.Find(".widget-count").TextContent);
        var links = cut.FindAll(".widget-results h2 a");
        Assert.Equal(["/offres/aide-a", "/offres/aide-b"], links.Select(a => a.GetAttribute("href")));
        Assert.All(links, a => Assert.Equal("_blank", a.GetAttribute("target")));
        Assert.All(links, a => Assert.Contains("nouvel onglet", a.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_WhenNoHit_SaysSoPolitely()
    {
        var cut = _context.Render<WidgetResults>(p => p.Add(x => x.Result, Response(0)).Add(x => x.Labels, new Labels(null)));
        cut.Find(".widget-count").MarkupMatches("""<p class="widget-count" aria-live="polite">Aucune offre</p>""");
        Assert.Empty(cut.FindAll(".widget-results li"));
    }
}
