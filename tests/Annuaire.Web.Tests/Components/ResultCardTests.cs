using Annuaire.Content.Model;
using Annuaire.Search.Querying;
using Annuaire.Web.Components;
using Annuaire.Web.Services;
using Bunit;

namespace Annuaire.Web.Tests.Components;

public sealed class ResultCardTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private readonly BunitContext _context = new();

    public void Dispose() => _context.Dispose();

    private static SearchHit Hit(Offer offer) => new(offer, 1, "Aide au <mark>permis</mark>", "Un résumé &lt;encodé&gt;.", "… le <mark>permis</mark> B …");

    private static Offer Offer(DateOnly dateMaj, OfferStatus statut = OfferStatus.Actif) => new()
    {
        Id = "aide-permis",
        SourcePath = "offres/loiret/aide-permis.md",
        Titre = "Aide au permis",
        Resume = "Un résumé <encodé>.",
        Porteur = "cd45",
        Thematiques = ["mobilite--preparer-un-permis"],
        ZoneEligibilite = ["45"],
        DateMaj = dateMaj,
        Statut = statut,
        Body = "Texte.",
    };

    private IRenderedComponent<ResultCard> Render(Offer offer) =>
        _context.Render<ResultCard>(p => p.Add(x => x.Hit, Hit(offer)).Add(x => x.Labels, new Labels(null)).Add(x => x.Today, Today).Add(x => x.StaleAfterMonths, 12));

    [Fact]
    public void Render_WhenFreshOffer_ShowsLinkHighlightsAndNoBadge()
    {
        var cut = Render(Offer(Today.AddMonths(-1)));
        cut.Find("h3").MarkupMatches("""<h3><a href="/offres/aide-permis">Aide au <mark>permis</mark></a></h3>""");
        cut.Find(".resume").MarkupMatches("""<p class="resume">Un résumé &lt;encodé&gt;.</p>""");
        Assert.Empty(cut.FindAll(".badge"));
        Assert.Equal("aide-permis", cut.Find("input[type=checkbox][name=o]").GetAttribute("value"));
        Assert.Equal("Vérifié le 22 octobre 2026", cut.Find(".verified").TextContent);
    }

    [Fact]
    public void Render_WhenStaleAndSuspended_ShowsBothBadgesWithText()
    {
        var cut = Render(Offer(Today.AddMonths(-14), OfferStatus.Suspendu));
        var badges = cut.FindAll(".badge").Select(b => b.TextContent).ToList();
        Assert.Contains("Offre suspendue", badges);
        Assert.Contains(badges, b => b.StartsWith("À vérifier", StringComparison.Ordinal));
    }
}
