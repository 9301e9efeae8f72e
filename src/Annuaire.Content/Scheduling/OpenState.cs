namespace Annuaire.Content.Scheduling;

/// <summary>Whether a place or an offer can be reached at a given moment.</summary>
public enum OpenState
{
    /// <summary>No opening hours given.</summary>
    Unknown,
    /// <summary>Open.</summary>
    Open,
    /// <summary>Closed by its hours (or on a public holiday by its <c>PH off</c> rule).</summary>
    Closed,
    /// <summary>A public holiday the hours say nothing about: open by the weekday's hours, unconfirmed.</summary>
    HolidayUnconfirmed,
    /// <summary>Within the offer's <c>fermeture_temporaire</c>.</summary>
    TemporarilyClosed,
}
