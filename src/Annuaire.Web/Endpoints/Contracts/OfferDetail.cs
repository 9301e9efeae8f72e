using Annuaire.Content.Model;

namespace Annuaire.Web.Endpoints.Contracts;

/// <summary>
/// A whole offer, as published: the front-matter fields of the editors' guide and the Markdown
/// text. Keys are data·inclusion v1 keys where the schema has them.
/// </summary>
public sealed record OfferDetail
{
#pragma warning disable CS1591 // Each property is a front-matter key, documented in content/README.md.
    public required string Id { get; init; }
    public required string Url { get; init; }
    public required string Titre { get; init; }
    public required string Resume { get; init; }
    public required string Porteur { get; init; }
    public required string PorteurNom { get; init; }
    public required IReadOnlyList<string> Partenaires { get; init; }
    public required IReadOnlyList<string> Thematiques { get; init; }
    public string? Type { get; init; }
    public required IReadOnlyList<string> Publics { get; init; }
    public string? PublicsPrecisions { get; init; }
    public required IReadOnlyList<string> ZoneEligibilite { get; init; }
    public required IReadOnlyList<string> ModesAccueil { get; init; }
    public string? Frais { get; init; }
    public string? FraisPrecisions { get; init; }
    public string? ConditionsAcces { get; init; }
    public required IReadOnlyList<string> ModesMobilisation { get; init; }
    public required IReadOnlyList<string> MobilisablePar { get; init; }
    public string? MobilisationPrecisions { get; init; }
    public Uri? LienMobilisation { get; init; }
    public OfferContactDetail? Contact { get; init; }
    public required IReadOnlyList<OfferPlaceDetail> Lieux { get; init; }
    public required IReadOnlyList<string> MotsCles { get; init; }
    public required DateOnly DateMaj { get; init; }
    public DateOnly? ValideDu { get; init; }
    public DateOnly? ValideJusquAu { get; init; }
    public required string Statut { get; init; }

    /// <summary>The description, in Markdown.</summary>
    public required string Texte { get; init; }
#pragma warning restore CS1591

    /// <summary>The public view of <paramref name="offer"/> (no file path, line numbers or parsed internals).</summary>
    public static OfferDetail From(Offer offer, string porteurNom)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return new OfferDetail
        {
            Id = offer.Id,
            Url = ApiValues.OfferUrl(offer.Id),
            Titre = offer.Titre,
            Resume = offer.Resume,
            Porteur = offer.Porteur,
            PorteurNom = porteurNom,
            Partenaires = offer.Partenaires,
            Thematiques = offer.Thematiques,
            Type = offer.Type,
            Publics = offer.Publics,
            PublicsPrecisions = offer.PublicsPrecisions,
            ZoneEligibilite = offer.ZoneEligibilite,
            ModesAccueil = offer.ModesAccueil,
            Frais = offer.Frais,
            FraisPrecisions = offer.FraisPrecisions,
            ConditionsAcces = offer.ConditionsAcces,
            ModesMobilisation = offer.ModesMobilisation,
            MobilisablePar = offer.MobilisablePar,
            MobilisationPrecisions = offer.MobilisationPrecisions,
            LienMobilisation = offer.LienMobilisation,
            Contact = offer.Contact is { } c ? new OfferContactDetail(c.Nom, c.Telephone, c.Courriel, c.Site) : null,
            Lieux = [.. offer.Lieux.Select(l => new OfferPlaceDetail(l.Nom, l.Adresse, l.CodePostal, l.Commune, l.CodeInsee, l.Horaires, l.Latitude, l.Longitude))],
            MotsCles = offer.MotsCles,
            DateMaj = offer.DateMaj,
            ValideDu = offer.ValideDu,
            ValideJusquAu = offer.ValideJusquAu,
            Statut = ApiValues.StatusKey(offer.Statut),
            Texte = offer.Body,
        };
    }
}
