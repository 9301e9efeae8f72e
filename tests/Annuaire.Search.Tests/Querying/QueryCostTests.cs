using Annuaire.Search.Querying;

namespace Annuaire.Search.Tests.Querying;

/// <summary>
/// What a request may cost is bounded whatever it holds: words (after splitting on any
/// separator), typo-tolerant words and passes over the index. Times are measured by the bench
/// (« hostile » row), not here; these are the structural bounds that make them hold.
/// </summary>
public sealed class QueryCostTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly string[] MadeUp = ["brulvexa", "quintrop", "zarpelin", "vostrike", "mélunaxe", "grodivin", "paltrequ", "sornivex", "tuckarel", "wimbraxo", "fendoluq",
        "jasperix", "klovimar", "nuttaver", "ropelaxi", "stavinor", "yuberlik", "drombaxe", "huvelint", "lorquimb", "pesnavor", "trivolax"];

    /// <summary>The attack of the report: 22 unknown 8-letter words joined by dots (one « word » for a naive cap) and 7 filters.</summary>
    private static SearchRequest Hostile => new SearchRequest { Text = string.Join('.', MadeUp), Territoire = "45" }
        .With(FacetDimension.Thematique, "mobilite", "logement-hebergement")
        .With(FacetDimension.Public, "jeunes")
        .With(FacetDimension.Type, "accompagnement")
        .With(FacetDimension.Porteur, "cd45")
        .With(FacetDimension.ModeAccueil, "en-presentiel")
        .With(FacetDimension.Frais, "gratuit");

    [Fact]
    public void Search_WhenWordsJoinedBySeparators_CountsEachWordAgainstTheCap()
    {
        var response = fixture.Engine.Search(Hostile);

        Assert.Equal(UserQuery.MaxWords, response.Cost.Words);
        Assert.Equal(string.Join(' ', MadeUp.Take(UserQuery.MaxWords)), response.EffectiveText);
        Assert.Contains(new SearchNotice.WordsLimited(UserQuery.MaxWords), response.Notices);
    }

    [Fact]
    public void Search_WhenManyUnknownWords_SearchesFewWithTypos()
    {
        var response = fixture.Engine.Search(Hostile);

        Assert.Equal(TextQueryBuilder.MaxFuzzyWords, response.Cost.FuzzyWords);
        Assert.Contains(new SearchNotice.TypoToleranceLimited(TextQueryBuilder.MaxFuzzyWords), response.Notices);
    }

    [Fact]
    public void Search_WhenSevenFilters_PassesOverTheIndexDoNotGrowWithFilters()
    {
        var plain = fixture.Engine.Search(new SearchRequest { Text = "aide permis" });
        var filtered = fixture.Engine.Search(new SearchRequest { Text = "aide permis", Territoire = "45" }.With(FacetDimension.Thematique, "mobilite", "logement-hebergement").With(FacetDimension.Public, "tous-publics", "jeunes"));
        var hostile = fixture.Engine.Search(Hostile);

        Assert.True(filtered.Total > 0);
        Assert.Equal((1, 1), (plain.Cost.Passes, filtered.Cost.Passes));
        // At most three checks (all words, all but one, all but two), the search and, nothing matched, one for a spelling suggestion.
        Assert.InRange(hostile.Cost.Passes, 1, 5);
    }

    [Fact]
    public void Search_WhenFiltersGiveNothing_RelaxationsComeFromTheSamePass()
    {
        var response = fixture.Engine.Search(new SearchRequest { Text = "alimentaire", Territoire = "61" });

        Assert.Equal(0, response.Total);
        Assert.Contains(response.Relaxations, r => r.Dimension == FacetDimension.Departement && r.Count > 0);
        Assert.InRange(response.Cost.Passes, 1, 2);
    }

    [Fact]
    public void Search_WhenSeparatorJoinsWords_FindsWhatSpacesFind()
    {
        var dotted = fixture.Engine.Search(new SearchRequest { Text = "aide.permis" });
        var spaced = fixture.Engine.Search(new SearchRequest { Text = "aide permis" });

        Assert.Equal(spaced.Hits.Select(h => h.Offer.Id), dotted.Hits.Select(h => h.Offer.Id));
        Assert.NotEmpty(dotted.Hits);
    }

    [Fact]
    public void Search_WhenOnlyAnExclusion_ExcludesInsteadOfReturningEverything()
    {
        var all = fixture.Engine.Search(new SearchRequest { PageSize = SearchRequest.MaxPageSize });
        var withoutPermis = fixture.Engine.Search(new SearchRequest { Text = "-permis", PageSize = SearchRequest.MaxPageSize });
        var permis = fixture.Engine.Search(new SearchRequest { Text = "permis", PageSize = SearchRequest.MaxPageSize });

        Assert.True(permis.Total > 0);
        Assert.Equal(all.Total - permis.Total, withoutPermis.Total);
        Assert.Empty(withoutPermis.Hits.Select(h => h.Offer.Id).Intersect(permis.Hits.Select(h => h.Offer.Id)));
    }

    [Fact]
    public void Search_WhenEveryWordIsCommon_LeavesPartialMatchesOutAndCountsStayWhatAClickGives()
    {
        // 60 offers with both words, 60 with only the first: the words are common enough.
        using var engine = EngineWith([
            .. Enumerable.Range(0, 60).Select(i => Offer($"both-{i}", "Atelier cuisine solidaire", "Cuisine et repas partagés.", i % 2 == 0 ? "45" : "61")),
            .. Enumerable.Range(0, 60).Select(i => Offer($"one-{i}", "Atelier informatique", "Ordinateur et démarches.", "45")),
        ]);

        var response = engine.Search(new SearchRequest { Text = "atelier cuisine solidaire" });
        var sentence = engine.Search(new SearchRequest { Text = "atelier cuisine informatique" });

        Assert.Equal(60, response.Total); // Only offers with every word.
        Assert.Equal(120, sentence.Total); // No offer has all three words: two of them are enough, as before.
        foreach (var value in response.Facets[FacetDimension.Departement])
        {
            Assert.Equal(value.Count, engine.Search(new SearchRequest { Text = "atelier cuisine solidaire", Territoire = value.Value }).Total);
        }
    }

    [Theory]
    [InlineData(60, 60)] // Enough offers with all words but one: those only.
    [InlineData(10, 70)] // Too few: every offer with most words (four of six), as before.
    public void Search_WhenNoOfferHasEveryWord_LeavesOutOneWordBeforeFallingBackToMostWords(int withFive, int expected)
    {
        using var engine = EngineWith([
            .. Enumerable.Range(0, withFive).Select(i => Offer($"five-{i}", "Atelier cuisine solidaire repas partagés", "Inscription libre.", "45")),
            .. Enumerable.Range(0, 60).Select(i => Offer($"four-{i}", "Atelier cuisine solidaire repas", "Inscription libre.", "45")),
        ]);

        var response = engine.Search(new SearchRequest { Text = "atelier cuisine solidaire repas partagés quartier", PageSize = 5 });

        Assert.Equal(expected, response.Total);
        Assert.All(response.Hits, h => Assert.StartsWith("five-", h.Offer.Id, StringComparison.Ordinal)); // More words rank first either way.
        Assert.InRange(response.Cost.Passes, 2, 4); // At most three checks (all words, all but one, all but two) and the search.
    }

    private static OfferSearchEngine EngineWith(IReadOnlyList<Content.Model.Offer> offers)
    {
        var engine = new OfferSearchEngine(FixedClock.Default);
        var referentials = new EngineFixture().Catalog.Referentials;
        engine.Rebuild(new Content.ContentCatalog { Root = "/", Referentials = referentials, Offers = offers, Diagnostics = [], FileCount = offers.Count });
        return engine;
    }

    private static Content.Model.Offer Offer(string id, string titre, string resume, string zone) => new()
    {
        Id = id,
        SourcePath = $"offres/test/{id}.md",
        Titre = titre,
        Resume = resume,
        Porteur = "cd45",
        Thematiques = ["mobilite--preparer-un-permis"],
        ZoneEligibilite = [zone],
        DateMaj = new DateOnly(2026, 10, 1),
        Body = resume,
    };
}
