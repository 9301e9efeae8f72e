using Annuaire.Content.Model;
using Annuaire.Search.Highlighting;
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

    private static SearchHit Hit(Offer offer) => new(
        offer,
        1,
        new MarkedText(offer.Titre, [new MatchSpan(8, 6)]),
        MarkedText.Unmarked(offer.Resume),
        new BodySnippet(new MarkedText("le permis B", [new MatchSpan(3, 6)]), CutBefore: true, CutAfter: true));

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
        Publics = ["beneficiaires-des-minimas-sociaux", "jeunes"],
        Frais = "payant",
        FraisPrecisions = "10 € par mois",
        Contact = new OfferContact { Telephone = "02 99 00 45 42" },
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
        cut.Find(".snippet").MarkupMatches("""<p class="snippet">… le <mark>permis</mark> B …</p>""");
    }

    [Fact]
    public void Render_WhenTextHoldsMarkup_ShowsItAsTextWithMarksAroundMatches()
    {
        var offer = Offer(Today) with { Titre = "<script>alert(1)</script> permis & \"code\"" };
        var hit = new SearchHit(
            offer,
            1,
            new MarkedText(offer.Titre, [new MatchSpan(26, 6)]),
            new MarkedText("<b>permis</b>", [new MatchSpan(3, 6)]),
            new BodySnippet(new MarkedText("<img src=x onerror=alert(1)> permis", [new MatchSpan(29, 6)]), CutBefore: false, CutAfter: true));

        var cut = _context.Render<ResultCard>(p => p.Add(x => x.Hit, hit).Add(x => x.Labels, new Labels(null)).Add(x => x.Today, Today));

        Assert.Empty(cut.FindAll("script, b, img"));
        Assert.Equal(["permis", "permis", "permis"], cut.FindAll("mark").Select(m => m.TextContent));
        Assert.Equal("<script>alert(1)</script> permis & \"code\"", cut.Find("h3").TextContent);
        cut.Find(".resume").MarkupMatches("""<p class="resume">&lt;b&gt;<mark>permis</mark>&lt;/b&gt;</p>""");
        cut.Find(".snippet").MarkupMatches("""<p class="snippet">&lt;img src=x onerror=alert(1)&gt; <mark>permis</mark> …</p>""");
    }

    [Fact]
    public void Render_WhenOfferHasContactsAndNoHours_OneFactPerLineAndNoStatus()
    {
        var cut = Render(Offer(Today));
        cut.Find(".facts").MarkupMatches("""
            <ul class="facts">
              <li class="fact-phone"><span class="fact-label">Téléphone :</span> <a class="tel" href="tel:0299004542">02 99 00 45 42</a></li>
              <li><span class="fact-label">Publics :</span> beneficiaires-des-minimas-sociaux, jeunes</li>
              <li><span class="fact-label">Frais :</span> payant : 10 € par mois</li>
              <li><span class="fact-label">Territoire :</span> 45</li>
              <li class="fact-hours"><span class="fact-label">Horaires :</span> horaires non renseignés</li>
            </ul>
            """);
        Assert.Empty(cut.FindAll(".why"));
    }

    [Fact]
    public void Render_WhenReasonsAndHours_ShowsWhyAndBrowserStatus()
    {
        Assert.True(Annuaire.Content.Scheduling.OpeningHoursParser.TryParse("Mo-Fr 09:00-12:00; Sa 09:00-12:00", out var hours, out _));
        var offer = Offer(Today) with { Lieux = [new OfferPlace { OpeningHours = hours }] };
        var cut = _context.Render<ResultCard>(p => p.Add(x => x.Hit, Hit(offer)).Add(x => x.Labels, new Labels(null)).Add(x => x.Today, Today)
            .Add(x => x.Reasons, ["vous êtes à Amilly : offre de cette commune", "mots trouvés : permis"])
            .Add(x => x.OpeningIntervals, "1-2").Add(x => x.OpeningWindow, "0-3"));
        cut.Find(".why").MarkupMatches("""
            <details class="why"><summary>Pourquoi cette offre ?</summary><p>vous êtes à Amilly : offre de cette commune · mots trouvés : permis</p></details>
            """);
        cut.Find(".fact-hours").MarkupMatches("""
            <li class="fact-hours"><span class="fact-label">Horaires :</span> <span class="open-now" data-ouverture="1-2" data-fenetre="0-3" hidden></span> ouvert le samedi</li>
            """);
    }

    [Fact]
    public void Render_WhenTemporarilyClosed_ShowsTheClosure()
    {
        var cut = Render(Offer(Today) with { FermetureTemporaire = new TemporaryClosure(Today, Today.AddDays(10), "travaux") });
        Assert.Contains("Fermeture temporaire du 22 novembre au 2 décembre 2026 (travaux)", cut.FindAll(".badge").Select(b => b.TextContent));
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
