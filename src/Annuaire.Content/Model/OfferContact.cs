namespace Annuaire.Content.Model;

/// <summary>How to reach the people who deliver an offer (<c>contact</c>).</summary>
public sealed record OfferContact
{
    /// <summary>Name of a person or a desk.</summary>
    public string? Nom { get; init; }

    /// <summary>Phone number as written by the editor (validated French format).</summary>
    public string? Telephone { get; init; }

    /// <summary>Email address.</summary>
    public string? Courriel { get; init; }

    /// <summary>https web site.</summary>
    public Uri? Site { get; init; }
}
