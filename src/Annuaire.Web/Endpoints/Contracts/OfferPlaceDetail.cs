namespace Annuaire.Web.Endpoints.Contracts;

/// <summary>A place where an offer is delivered.</summary>
/// <param name="Nom">Name of the place.</param>
/// <param name="Adresse">Street address.</param>
/// <param name="CodePostal">Postal code.</param>
/// <param name="Commune">Commune name.</param>
/// <param name="CodeInsee">Commune INSEE code.</param>
/// <param name="Horaires">Opening hours (OpenStreetMap <c>opening_hours</c> syntax).</param>
/// <param name="Latitude">WGS84 latitude.</param>
/// <param name="Longitude">WGS84 longitude.</param>
public sealed record OfferPlaceDetail(string? Nom, string? Adresse, string? CodePostal, string? Commune, string? CodeInsee, string? Horaires, double? Latitude, double? Longitude);
