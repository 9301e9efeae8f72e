using Annuaire.Content.Scheduling;
using Annuaire.Web.Components;
using Bunit;

namespace Annuaire.Web.Tests.Components;

public sealed class OpeningHoursViewTests : IDisposable
{
    private readonly BunitContext _context = new();

    public void Dispose() => _context.Dispose();

    private static OpeningHours Parse(string text)
    {
        Assert.True(OpeningHoursParser.TryParse(text, out var hours, out _));
        return hours!;
    }

    [Fact]
    public void Render_WhenWeekdayHours_ShowsFrenchLinesAndOpenNow()
    {
        var cut = _context.Render<OpeningHoursView>(p => p
            .Add(x => x.Hours, Parse("Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00"))
            .Add(x => x.Now, new DateTime(2026, 11, 23, 10, 30, 0))); // a Monday

        cut.MarkupMatches("""
            <ul class="hours">
              <li>Du lundi au vendredi, 9 h–12 h et 14 h–17 h</li>
              <li>Samedi, 9 h–12 h</li>
            </ul>
            <p class="open-now">Ouvert maintenant</p>
            """);
    }

    [Fact]
    public void Render_WhenClosedNow_SaysSo()
    {
        var cut = _context.Render<OpeningHoursView>(p => p
            .Add(x => x.Hours, Parse("Mo-Fr 09:00-12:00"))
            .Add(x => x.Now, new DateTime(2026, 11, 22, 10, 30, 0))); // a Sunday
        Assert.Equal("Fermé actuellement", cut.Find(".open-now").TextContent);
    }
}
