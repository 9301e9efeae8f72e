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
    public void Render_WhenWeekdayHours_ShowsFrenchLinesAndLeavesTheStatusToTheBrowser()
    {
        var cut = _context.Render<OpeningHoursView>(p => p
            .Add(x => x.Hours, Parse("Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off"))
            .Add(x => x.Intervals, "100-200 300-400?")
            .Add(x => x.Window, "0-1000"));

        cut.MarkupMatches("""
            <ul class="hours">
              <li>Du lundi au vendredi, 9 h–12 h et 14 h–17 h</li>
              <li>Samedi, 9 h–12 h</li>
              <li>fermé les jours fériés</li>
            </ul>
            <p class="open-now" data-ouverture="100-200 300-400?" data-fenetre="0-1000" hidden></p>
            """);
    }
}
