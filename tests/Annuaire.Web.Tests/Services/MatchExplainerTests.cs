using Annuaire.Content.Diagnostics;
using Annuaire.Content.Model;
using Annuaire.Content.Referentials;
using Annuaire.Search.Highlighting;
using Annuaire.Search.Querying;
using Annuaire.Web.Services;

namespace Annuaire.Web.Tests.Services;

/// <summary>« Pourquoi cette offre ? » reads the engine's match spans of each hit.</summary>
public sealed class MatchExplainerTests
{
    private static readonly ReferentialSet Referentials = ReferentialLoader.Load(SiteFactory.RepositoryContent(), new List<Diagnostic>());

    private static readonly Offer Model = new()
    {
        Id = "aide", SourcePath = "offres/aide.md", Titre = "Aide au permis", Resume = "Résumé.", Porteur = "cd45",
        Thematiques = ["mobilite--preparer-un-permis"], ZoneEligibilite = ["45"], DateMaj = new DateOnly(2026, 1, 1), Body = "Texte.",
    };

    private static IReadOnlyList<string> Explain(string text, SearchHit hit)
    {
        var request = new SearchRequest { Text = text };
        var response = new SearchResponse { Total = 1, Hits = [hit], Facets = new Dictionary<FacetDimension, IReadOnlyList<FacetValue>>(), Page = 1, PageSize = 20, EffectiveText = text };
        return new MatchExplainer(Referentials, request, response).Explain(hit);
    }

    [Fact]
    public void Explain_WhenWordMarkedInTitle_SaysTheWordWasFound()
    {
        var hit = new SearchHit(Model, 1, new MarkedText("Aide au permis", [new MatchSpan(8, 6)]), MarkedText.Unmarked("Résumé."), null);
        Assert.Equal(["mots trouvés : permis"], Explain("permis", hit));
    }

    [Fact]
    public void Explain_WhenAcronymMatchedItsExpressionInTheSnippet_SaysWhichSynonym()
    {
        var passage = new MarkedText("allocataires du revenu de solidarité active.", [new MatchSpan(16, 27)]);
        var hit = new SearchHit(Model, 1, MarkedText.Unmarked(Model.Titre), MarkedText.Unmarked(Model.Resume), new BodySnippet(passage, CutBefore: true, CutAfter: false));
        var reason = Assert.Single(Explain("RSA", hit));
        Assert.StartsWith("« RSA » = revenu de solidarité active", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_WhenNothingMarked_SaysNothingAboutWords() =>
        Assert.Empty(Explain("permis", new SearchHit(Model, 1, MarkedText.Unmarked(Model.Titre), MarkedText.Unmarked(Model.Resume), null)));
}
