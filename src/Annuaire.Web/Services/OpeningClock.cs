using System.Globalization;
using System.Text;
using Annuaire.Content.Model;
using Annuaire.Content.Parsing;
using Annuaire.Content.Scheduling;

namespace Annuaire.Web.Services;

/// <summary>
/// « Ouvert maintenant » without putting the moment in a cached page. Pages carry the opening
/// intervals of the next <see cref="WindowDays"/> days as instants (public holidays and temporary
/// closures applied) and the browser tells the status at the moment it is read; the filter asks
/// <see cref="OpenNow"/> at request time, and such requests are never stored in the output cache.
/// </summary>
public sealed class OpeningClock(TimeProvider clock, IHolidayCalendar holidays)
{
    /// <summary>Days of intervals a page carries (a page cached a few minutes before midnight stays right).</summary>
    public const int WindowDays = 8;

    /// <summary>The calendar of public holidays.</summary>
    public IHolidayCalendar Holidays => holidays;

    /// <summary>Now, in Paris.</summary>
    public DateTime Now => FrenchClock.Now(clock);

    /// <summary>The offer's state right now.</summary>
    public OpenState StateOf(Offer offer) => OfferOpening.StateAt(offer, Now, holidays);

    /// <summary>Ids of the offers open right now (a temporary closure, a <c>PH off</c> holiday or unconfirmed holiday hours exclude).</summary>
    public IReadOnlySet<string> OpenNow(IEnumerable<Offer> offers)
    {
        var now = Now;
        return offers.Where(o => OfferOpening.StateAt(o, now, holidays) == OpenState.Open).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The intervals of one set of hours for the browser, as <c>start-end</c> Unix seconds separated
    /// by spaces, <c>?</c> after an interval on a public holiday the hours say nothing about.
    /// </summary>
    public string BrowserIntervals(IEnumerable<OpeningHours> hours, TemporaryClosure? closure)
    {
        var from = DateOnly.FromDateTime(Now);
        var intervals = hours.SelectMany(h => h.Intervals(from, WindowDays, holidays, closure)).OrderBy(i => i.Opens);
        var text = new StringBuilder();
        foreach (var interval in intervals)
        {
            text.Append(text.Length == 0 ? string.Empty : " ")
                .Append(FrenchClock.ToInstant(interval.Opens).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
                .Append('-')
                .Append(FrenchClock.ToInstant(interval.Closes).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
                .Append(interval.Unconfirmed ? "?" : string.Empty);
        }

        return text.ToString();
    }

    /// <summary>The window the intervals cover, as <c>start-end</c> Unix seconds: outside it the browser says nothing.</summary>
    public string BrowserWindow()
    {
        var from = DateOnly.FromDateTime(Now).ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{FrenchClock.ToInstant(from).ToUnixTimeSeconds()}-{FrenchClock.ToInstant(from.AddDays(WindowDays)).ToUnixTimeSeconds()}");
    }
}
