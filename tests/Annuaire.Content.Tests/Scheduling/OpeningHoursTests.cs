using Annuaire.Content.Model;
using Annuaire.Content.Scheduling;

namespace Annuaire.Content.Tests.Scheduling;

public sealed class OpeningHoursTests
{
    private static readonly FrenchHolidayCalendar France = new();

    private static OpeningHours Parse(string text)
    {
        Assert.True(OpeningHoursParser.TryParse(text, out var hours, out var error), error);
        return hours!;
    }

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-04-06")] // lundi de Pâques
    [InlineData("2026-05-01")]
    [InlineData("2026-05-14")] // Ascension
    [InlineData("2026-07-14")]
    [InlineData("2026-11-11")]
    [InlineData("2026-12-25")]
    public void IsPublicHoliday_WhenFrenchHoliday_IsTrue(string day) =>
        Assert.True(France.IsPublicHoliday(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-07-13")]
    [InlineData("2026-04-07")]
    [InlineData("2026-12-26")] // Saint-Étienne: only in Alsace-Moselle
    public void IsPublicHoliday_WhenOrdinaryDay_IsFalse(string day) =>
        Assert.False(France.IsPublicHoliday(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-07-14T10:00", OpenState.Closed)] // Tuesday, but 14 July and PH off
    [InlineData("2026-07-15T10:00", OpenState.Open)]
    [InlineData("2026-07-15T12:30", OpenState.Closed)]
    [InlineData("2026-07-18T10:00", OpenState.Closed)] // Saturday
    public void StateAt_WhenPhOff_ClosesOnHolidays(string at, OpenState expected) =>
        Assert.Equal(expected, Parse("Mo-Fr 09:00-12:00,14:00-17:00; PH off").StateAt(DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture), France));

    [Fact]
    public void StateAt_WhenHolidayNotStated_IsUnconfirmed() =>
        Assert.Equal(OpenState.HolidayUnconfirmed, Parse("Mo-Fr 09:00-17:00").StateAt(new DateTime(2026, 7, 14, 10, 0, 0), France));

    [Fact]
    public void StateAt_WhenHolidayHasItsOwnHours_UsesThem()
    {
        var hours = Parse("Mo-Sa 08:00-20:00; Su,PH 09:00-12:00");
        Assert.Equal(OpenState.Open, hours.StateAt(new DateTime(2026, 7, 14, 10, 0, 0), France));
        Assert.Equal(OpenState.Closed, hours.StateAt(new DateTime(2026, 7, 14, 15, 0, 0), France));
    }

    [Fact]
    public void StateAt_WhenAlwaysOpen_IsOpenOnHolidaysAtNight() =>
        Assert.Equal(OpenState.Open, Parse("24/7").StateAt(new DateTime(2026, 12, 25, 3, 0, 0), France));

    [Fact]
    public void StateAt_WhenRangeCrossesMidnight_NightPartBelongsToPreviousDay()
    {
        var hours = Parse("Fr 20:00-02:00");
        Assert.Equal(OpenState.Open, hours.StateAt(new DateTime(2026, 7, 18, 1, 0, 0), HolidayCalendar.None));
        Assert.Equal(OpenState.Closed, hours.StateAt(new DateTime(2026, 7, 18, 3, 0, 0), HolidayCalendar.None));
    }

    [Theory]
    [InlineData("Mo-Fr 09:00-12:00, 14:00-17:00")]
    [InlineData("Mo - Fr 9:00 - 12:00,14:00-17:00")]
    [InlineData("Mo-Fr  09:00-12:00 ,14:00-17:00 ; PH off")]
    public void TryParse_WhenUsualSpellings_ReadsTheSameWeek(string text)
    {
        var hours = Parse(text);
        Assert.Equal([new TimeRange(new TimeOnly(9, 0), new TimeOnly(12, 0)), new TimeRange(new TimeOnly(14, 0), new TimeOnly(17, 0))], hours.RangesOn(DayOfWeek.Wednesday));
        Assert.Empty(hours.RangesOn(DayOfWeek.Sunday));
    }

    [Fact]
    public void Describe_WhenHolidayHours_SaysThem() =>
        Assert.Equal(["Du lundi au samedi, 8 h–20 h", "Dimanche, 9 h–12 h", "jours fériés, 9 h–12 h"], OpeningHoursFormatter.Describe(Parse("Mo-Sa 08:00-20:00; Su,PH 09:00-12:00")));

    [Fact]
    public void Intervals_SkipHolidayAndClosureDays()
    {
        var hours = Parse("Mo-Fr 09:00-12:00; PH off");
        var closure = new TemporaryClosure(new DateOnly(2026, 7, 16), new DateOnly(2026, 7, 16), null);
        var intervals = hours.Intervals(new DateOnly(2026, 7, 13), 5, France, closure);
        Assert.Equal([new DateTime(2026, 7, 13, 9, 0, 0), new DateTime(2026, 7, 15, 9, 0, 0), new DateTime(2026, 7, 17, 9, 0, 0)], intervals.Select(i => i.Opens));
        Assert.All(intervals, i => Assert.Equal(TimeSpan.FromHours(3), i.Closes - i.Opens));
    }

    [Fact]
    public void Intervals_WhenAlwaysOpen_OneIntervalForTheWindow()
    {
        var interval = Assert.Single(Parse("24/7").Intervals(new DateOnly(2026, 7, 13), 3, France));
        Assert.Equal(new OpeningInterval(new DateTime(2026, 7, 13), new DateTime(2026, 7, 16), false), interval);
    }

    [Theory]
    [InlineData("Mo-Fr 09:00-17:00", OpeningHints.None)]
    [InlineData("Mo-Fr 09:00-17:00; Sa 09:00-12:00", OpeningHints.Saturday)]
    [InlineData("Tu-Su 10:00-19:00", OpeningHints.Saturday | OpeningHints.Sunday | OpeningHints.Evening)]
    [InlineData("24/7", OpeningHints.AlwaysOpen)]
    public void Hints_TellWhatStandsOut(string text, OpeningHints expected) =>
        Assert.Equal(expected, Parse(text).Hints);

    [Fact]
    public void OfferState_WhenTemporarilyClosed_IsClosedWhateverTheHours()
    {
        var offer = new Offer
        {
            Id = "o", SourcePath = "o.md", Titre = "Titre", Resume = "Résumé", Porteur = "p", Thematiques = ["t"], ZoneEligibilite = ["45"],
            DateMaj = new DateOnly(2026, 1, 1), Body = "x",
            Lieux = [new OfferPlace { OpeningHours = Parse("24/7") }],
            FermetureTemporaire = new TemporaryClosure(new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 21), "travaux"),
        };
        Assert.Equal(OpenState.TemporarilyClosed, OfferOpening.StateAt(offer, new DateTime(2026, 8, 10, 10, 0, 0), France));
        Assert.Equal(OpenState.Open, OfferOpening.StateAt(offer, new DateTime(2026, 8, 22, 10, 0, 0), France));
        Assert.Equal(OpenState.Unknown, OfferOpening.StateAt(offer with { Lieux = [] }, new DateTime(2026, 8, 22, 10, 0, 0), France));
    }
}
