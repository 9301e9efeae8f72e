using Annuaire.Content.Scheduling;

namespace Annuaire.Content.Model;

/// <summary>A place where the offer is delivered (<c>lieux</c>).</summary>
public sealed record OfferPlace
{
    /// <summary>Name of the place.</summary>
    public string? Nom { get; init; }

    /// <summary>Street address.</summary>
    public string? Adresse { get; init; }

    /// <summary>Five-digit postal code.</summary>
    public string? CodePostal { get; init; }

    /// <summary>Commune name.</summary>
    public string? Commune { get; init; }

    /// <summary>Commune INSEE code.</summary>
    public string? CodeInsee { get; init; }

    /// <summary>Opening hours as written (OpenStreetMap <c>opening_hours</c> syntax).</summary>
    public string? Horaires { get; init; }

    /// <summary>The parsed opening hours, when <see cref="Horaires"/> is set and valid.</summary>
    public OpeningHours? OpeningHours { get; init; }

    /// <summary>WGS84 latitude.</summary>
    public double? Latitude { get; init; }

    /// <summary>WGS84 longitude.</summary>
    public double? Longitude { get; init; }
}
