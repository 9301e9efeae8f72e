namespace Annuaire.Web.Endpoints.Contracts;

/// <summary>How to reach the people who deliver an offer.</summary>
/// <param name="Nom">A person or a desk.</param>
/// <param name="Telephone">Phone number as written by the editor.</param>
/// <param name="Courriel">Email address.</param>
/// <param name="Site">Web site.</param>
public sealed record OfferContactDetail(string? Nom, string? Telephone, string? Courriel, Uri? Site);
