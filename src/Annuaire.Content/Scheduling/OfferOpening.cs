using Annuaire.Content.Model;

namespace Annuaire.Content.Scheduling;

/// <summary>Opening status of a whole offer: open when one of its places is, closed during its temporary closure.</summary>
public static class OfferOpening
{
    /// <summary>The state of <paramref name="offer"/> at <paramref name="localTime"/> (Paris time).</summary>
    public static OpenState StateAt(Offer offer, DateTime localTime, IHolidayCalendar holidays)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(holidays);
        if (offer.IsClosedOn(DateOnly.FromDateTime(localTime)))
        {
            return OpenState.TemporarilyClosed;
        }

        var states = offer.Lieux.Select(l => l.OpeningHours).OfType<OpeningHours>().Select(h => h.StateAt(localTime, holidays)).ToList();
        return states.Count == 0 ? OpenState.Unknown
            : states.Contains(OpenState.Open) ? OpenState.Open
            : states.Contains(OpenState.HolidayUnconfirmed) ? OpenState.HolidayUnconfirmed
            : OpenState.Closed;
    }

    /// <summary>Whether the offer gives opening hours for at least one place.</summary>
    public static bool HasHours(Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return offer.Lieux.Any(l => l.OpeningHours is not null);
    }

    /// <summary>The hints of all the offer's places together.</summary>
    public static OpeningHints Hints(Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return offer.Lieux.Select(l => l.OpeningHours).OfType<OpeningHours>().Aggregate(OpeningHints.None, (all, h) => all | h.Hints);
    }
}
