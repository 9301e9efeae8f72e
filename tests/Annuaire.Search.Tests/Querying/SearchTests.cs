using Annuaire.Search.Querying;

namespace Annuaire.Search.Tests.Querying;

public sealed class SearchTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private readonly OfferSearchEngine _engine = fixture.Engine;

    private List<string> Ids(string? text, Func<SearchRequest, SearchRequest>? configure = null)
    {
        var request = new SearchRequest { Text = text, PageSize = 100 };
        return _engine.Search(configure is null ? request : configure(request)).Hits.Select(h => h.Offer.Id).ToList();
    }

    [Theory]
    [InlineData("hebergement")]
    [InlineData("hébergement")]
    [InlineData("HÉBERGEMENTS")]
    [InlineData("hébergemnt")]
    public void Search_WhenAccentsPluralOrTypo_FindsHebergement(string text)
    {
        var ids = Ids(text);
        Assert.Contains("hebergement-urgence-loiret", ids);
        Assert.Contains("hebergement-urgence-orne", ids);
    }

    [Fact]
    public void Search_WhenPlural_FindsSingular() =>
        Assert.Contains("fsl-maintien-loiret", Ids("logements"));

    [Fact]
    public void Search_WhenElision_SameResultsAsPlainWord() =>
        Assert.Equal(Ids("aide").Order(), Ids("l'aide").Order());

    [Fact]
    public void Search_WhenAcronym_FindsOfferThatOnlySpellsItOut() =>
        Assert.Contains("coup-de-pouce-solidarite-active", Ids("RSA"));

    [Fact]
    public void Search_WhenSpelledOut_FindsOfferThatOnlyHasAcronym() =>
        Assert.Contains("referent-allocataires-acronyme", Ids("revenu de solidarite active"));

    [Fact]
    public void Search_WhenPoleEmploi_FindsFranceTravailOffers()
    {
        var ids = Ids("pole emploi");
        Assert.Contains("atelier-cv-montargis", ids);
        Assert.Contains("aide-permis-national", ids);
    }

    [Fact]
    public void Search_WhenSansPermis_FindsVoituresSansPermisFirst() =>
        Assert.Equal("voitures-sans-permis-orne", Ids("sans permis")[0]);

    [Fact]
    public void Search_WhenTypoPermsi_FindsPermisOffers()
    {
        var ids = Ids("permsi");
        Assert.Contains("aide-permis-national", ids);
        Assert.Contains("voitures-sans-permis-orne", ids);
    }

    [Fact]
    public void Search_WhenExactAndFuzzyMatches_ExactRanksFirst()
    {
        var hits = _engine.Search(new SearchRequest { Text = "permis" }).Hits;
        Assert.All(hits, h => Assert.Contains("permis", h.Offer.Titre + h.Offer.Resume + h.Offer.Body, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Search_WhenTerritoryCommune_ReturnsCommuneDepartementEpciAndNationalButNotOtherDepartements()
    {
        var ids = Ids(null, r => r with { Territoire = "45208" });
        Assert.Contains("atelier-cv-montargis", ids); // the commune itself
        Assert.Contains("fsl-maintien-loiret", ids); // its département
        Assert.Contains("logements-jeunes-montargis", ids); // its EPCI
        Assert.Contains("aide-permis-national", ids); // national
        Assert.DoesNotContain("hebergement-urgence-orne", ids);
        Assert.DoesNotContain("aide-alimentaire-orleans", ids); // another commune of the same département
    }

    [Fact]
    public void Search_WhenTerritoryDepartement_ReturnsEveryOfferLocatedInIt()
    {
        var ids = Ids(null, r => r with { Territoire = "45" });
        Assert.Contains("aide-alimentaire-orleans", ids);
        Assert.Contains("atelier-cv-montargis", ids);
        Assert.Contains("logements-jeunes-montargis", ids);
        Assert.Contains("aide-permis-national", ids);
        Assert.DoesNotContain("voitures-sans-permis-orne", ids);
    }

    [Fact]
    public void Search_WhenPlaceNameTyped_BecomesTerritoryFilter()
    {
        var response = _engine.Search(new SearchRequest { Text = "hebergement urgence orleans" });
        var ids = response.Hits.Select(h => h.Offer.Id).ToList();
        Assert.Contains("hebergement-urgence-loiret", ids);
        Assert.DoesNotContain("hebergement-urgence-orne", ids);
        Assert.Contains(response.Notices, n => n is SearchNotice.PlaceRecognized { Territory: { Kind: PlaceKind.Commune, Code: "45234" } });
    }

    [Fact]
    public void Search_WhenFamilyFilter_MatchesAllItsThemes()
    {
        var ids = Ids(null, r => r.With(FacetDimension.Thematique, "mobilite"));
        Assert.Equal(new[] { "aide-permis-national", "garage-suspendu", "voitures-sans-permis-orne" }, ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_ByDefault_ExcludesArchivedAndExpiredButKeepsSuspended()
    {
        var ids = Ids(null);
        Assert.DoesNotContain("ancienne-aide-archivee", ids);
        Assert.DoesNotContain("forum-emploi-expire", ids);
        Assert.Contains("garage-suspendu", ids);
        var all = Ids(null, r => r with { IncludeArchived = true });
        Assert.Contains("ancienne-aide-archivee", all);
        Assert.Contains("forum-emploi-expire", all);
    }

    [Theory]
    [InlineData(2025, 12, 15, false)] // Before valide_du.
    [InlineData(2026, 2, 1, true)]
    [InlineData(2026, 4, 1, false)] // After valide_jusqu_au.
    public void Search_WhenValidityPeriod_ListsTheOfferOnlyDuringIt(int year, int month, int day, bool listed)
    {
        using var engine = new OfferSearchEngine(new FixedClock(new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.FromHours(1))));
        engine.Rebuild(fixture.Catalog);

        var ids = engine.Search(new SearchRequest { Text = "forum nettoyage" }).Hits.Select(h => h.Offer.Id);
        Assert.Equal(listed, ids.Contains("forum-emploi-expire"));
        Assert.Equal(listed, engine.Suggest("forum emploi").Any(s => s.OfferId == "forum-emploi-expire"));
    }

    [Fact]
    public void Search_WhenEmptyEverything_ReturnsAllActiveOffersByTitle()
    {
        var response = _engine.Search(new SearchRequest { PageSize = 100 });
        Assert.Equal(11, response.Total);
        var titles = response.Hits.Select(h => h.Offer.Titre).ToList();
        Assert.Equal(titles.OrderBy(t => Content.Text.TextNormalizer.Fold(t), StringComparer.Ordinal), titles);
    }

    [Fact]
    public void Search_WhenPhrase_RequiresAdjacentWords()
    {
        Assert.Contains("voitures-sans-permis-orne", Ids("\"voitures sans permis\""));
        Assert.DoesNotContain("aide-permis-national", Ids("\"voitures sans permis\""));
    }

    [Fact]
    public void Search_WhenExclusion_DropsMatchingOffers()
    {
        var ids = Ids("hebergement -orne");
        Assert.Contains("hebergement-urgence-loiret", ids);
        Assert.DoesNotContain("hebergement-urgence-orne", ids);
    }

    [Fact]
    public void Search_WhenPaged_PagesPartitionResults()
    {
        var all = Ids(null);
        var first = _engine.Search(new SearchRequest { PageSize = 4, Page = 1 }).Hits.Select(h => h.Offer.Id);
        var second = _engine.Search(new SearchRequest { PageSize = 4, Page = 2 }).Hits.Select(h => h.Offer.Id);
        Assert.Equal(all.Take(8), first.Concat(second));
    }

    [Fact]
    public void Search_WhenZeroResultsWithTypo_SuggestsSpellingWithCount()
    {
        var response = _engine.Search(new SearchRequest { Text = "voituers permsi" });
        if (response.Total == 0)
        {
            Assert.NotNull(response.Spelling);
            Assert.True(response.Spelling!.Count > 0);
        }

        var none = _engine.Search(new SearchRequest { Text = "alimentaire", Territoire = "61" });
        Assert.Equal(0, none.Total);
        Assert.Contains(none.Relaxations, r => r.Dimension == FacetDimension.Departement && r.Count > 0);
    }

    [Fact]
    public void Search_WhenMatched_MarksPlainText()
    {
        var hit = _engine.Search(new SearchRequest { Text = "RSA" }).Hits.First(h => h.Offer.Id == "coup-de-pouce-solidarite-active");
        Assert.NotEmpty(hit.Titre.Marks.Concat(hit.Resume.Marks).Concat(hit.Snippet?.Passage.Marks ?? []));
        var hit2 = _engine.Search(new SearchRequest { Text = "hebergement" }).Hits[0];
        Assert.NotEmpty(hit2.Titre.Marks);
        Assert.Equal(hit2.Offer.Titre, hit2.Titre.Text); // « d'urgence » stays as written: escaping is the renderer's job
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("(")]
    [InlineData("*")]
    [InlineData("~")]
    [InlineData("a AND OR NOT")]
    [InlineData("titre:permis")]
    [InlineData("permis^10 ~2 [a TO z] {x} \\")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("🙂 ✓ ñ 中文")]
    [InlineData("-")]
    [InlineData("- - -\"\"")]
    [InlineData("\"unclosed phrase")]
    public void Search_WhenHostileText_NeverThrows(string text)
    {
        var response = _engine.Search(new SearchRequest { Text = text });
        Assert.True(response.Total >= 0);
    }

    [Fact]
    public void Search_WhenVeryLongText_IsCappedWithNotice()
    {
        var response = _engine.Search(new SearchRequest { Text = string.Concat(Enumerable.Repeat("logement ", 2000)) });
        Assert.Equal([new SearchNotice.TextShortened(SearchRequest.MaxTextLength), new SearchNotice.WordsLimited(UserQuery.MaxWords)], response.Notices);
    }

    [Fact]
    public void Search_WhenUnknownTerritory_IgnoresItWithNotice()
    {
        var response = _engine.Search(new SearchRequest { Territoire = "zz" });
        Assert.Equal(11, response.Total);
        Assert.Equal([new SearchNotice.TerritoryNotRecognized("zz")], response.Notices);
    }

    [Fact]
    public void Suggest_WhenPrefix_ReturnsTitlesAndKeywords()
    {
        var suggestions = _engine.Suggest("heberg");
        Assert.Contains(suggestions, s => s.OfferId == "hebergement-urgence-loiret");
        Assert.Empty(_engine.Suggest("a"));
        Assert.DoesNotContain(_engine.Suggest("ancienne"), s => s.OfferId == "ancienne-aide-archivee");
    }

    [Fact]
    public void Related_WhenOffer_ReturnsSameThemeOnSameTerritory()
    {
        var related = _engine.Related(_engine.Find("hebergement-urgence-loiret")!);
        Assert.DoesNotContain(related, o => o.Id == "hebergement-urgence-loiret");
        Assert.DoesNotContain(related, o => o.Id == "hebergement-urgence-orne");
        Assert.All(related, o => Assert.Contains(o.ThematiqueFamilies, f => f == "logement-hebergement"));
    }
}
