using Annuaire.Content.Reporting;

namespace Annuaire.Content.Tests.Reporting;

public sealed class SearchGapLogTests
{
    private static readonly DateOnly Monday = new(2026, 6, 1);

    [Fact]
    public void Published_WhenSeenTwice_HasNoRow()
    {
        var log = new SearchGapLog();
        log.Record("garde enfant nuit", "61", 0, Monday);
        log.Record("garde enfant nuit", "61", 0, Monday);
        Assert.Empty(log.Published());
        Assert.DoesNotContain("enfant", log.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Published_WhenSeenThreeTimesInAWeek_HasOneRowWithCounts()
    {
        var log = new SearchGapLog();
        Assert.False(log.Record("Garde d'enfant la nuit", "61", 0, Monday));
        Assert.False(log.Record("nuit garde ENFANT", "61", 1, Monday.AddDays(2)));
        Assert.True(log.Record("garde   enfant, nuit !", "61", 0, Monday.AddDays(6)));
        var row = Assert.Single(log.Published());
        Assert.Equal(new SearchGapRow("2026-W23", "enfant garde nuit", "61", 3, 2), row);
    }

    [Fact]
    public void Record_WhenThreeTimesAcrossTwoWeeksOrTerritories_PublishesNothing()
    {
        var log = new SearchGapLog();
        log.Record("garde enfant", "61", 0, Monday);
        log.Record("garde enfant", "61", 0, Monday.AddDays(7));
        log.Record("garde enfant", "45", 0, Monday);
        Assert.Empty(log.Published());
    }

    [Fact]
    public void Record_WhenEnoughResults_IsNotCounted()
    {
        var log = new SearchGapLog();
        for (var i = 0; i < 5; i++)
        {
            log.Record("garde enfant", null, SearchGapLog.FewResults + 1, Monday);
        }

        Assert.Equal(0, log.Count);
    }

    [Theory]
    [InlineData("Mme Dupont 0612345678 rsa", "dupont mme rsa")]
    [InlineData("allocataire 1234567 né le 12/03/1985", "allocataire")]
    [InlineData("115", "115")]
    [InlineData("  !!  ", null)]
    public void NormaliseWords_DropsNumbersAndPunctuation(string text, string? expected) =>
        Assert.Equal(expected, SearchGapLog.NormaliseWords(text));

    [Fact]
    public void Record_WhenManyOneOffSearches_KeepsPublishedRowsAndStaysBounded()
    {
        var log = new SearchGapLog();
        for (var i = 0; i < SearchGapLog.MinimumOccurrences; i++)
        {
            log.Record("garde enfant", "61", 0, Monday);
        }

        for (var i = 0; i < SearchGapLog.MaxRows + 50; i++)
        {
            log.Record("mot" + (char)('a' + (i % 26)) + (char)('a' + (i / 26 % 26)) + (char)('a' + (i / 676)), null, 0, Monday);
        }

        Assert.Equal(SearchGapLog.MaxRows, log.Count);
        Assert.Single(log.Published());
    }

    [Fact]
    public void Record_WhenWeeksPass_OldWeeksAreDropped()
    {
        var log = new SearchGapLog();
        for (var i = 0; i < 3; i++)
        {
            log.Record("garde enfant", "61", 0, Monday);
        }

        log.Record("autre chose", null, 0, Monday.AddDays(7 * SearchGapLog.MaxWeeks));
        Assert.Empty(log.Published());
    }

    [Fact]
    public void FromJson_RoundTripsPublishedRowsAndIgnoresGarbage()
    {
        var log = new SearchGapLog();
        for (var i = 0; i < 4; i++)
        {
            log.Record("garde enfant", "61", i % 2, Monday);
        }

        var copy = SearchGapLog.FromJson(log.ToJson(), Monday);
        Assert.Equal(log.Published(), copy.Published());
        Assert.Empty(SearchGapLog.FromJson("{ pas du json", Monday).Published());
        Assert.Empty(SearchGapLog.FromJson("""{"lignes":[{"semaine":"2026-W23","mots":"Garde Enfant","territoire":"61","recherches":9,"sansResultat":1}]}""", Monday).Published());
    }
}
