using Annuaire.Content.Model;

namespace Annuaire.Content.Tests.Model;

public sealed class OfferVisibilityTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static Offer Offer(OfferStatus statut = OfferStatus.Actif, DateOnly? du = null, DateOnly? jusquAu = null) => new()
    {
        Id = "forum",
        SourcePath = "offres/loiret/forum.md",
        Titre = "Forum emploi",
        Resume = "Rencontres avec des employeurs.",
        Porteur = "cd45",
        Thematiques = ["trouver-un-emploi--repondre-a-des-offres-demploi"],
        ZoneEligibilite = ["45"],
        DateMaj = new DateOnly(2026, 1, 5),
        Statut = statut,
        ValideDu = du,
        ValideJusquAu = jusquAu,
        Body = "Texte.",
    };

    public static TheoryData<OfferStatus, DateOnly?, DateOnly?, bool> Cases => new()
    {
        { OfferStatus.Actif, null, null, true },
        { OfferStatus.Suspendu, null, null, true },
        { OfferStatus.Archive, null, null, false },
        { OfferStatus.Actif, null, new DateOnly(2026, 11, 22), true },
        { OfferStatus.Actif, null, new DateOnly(2026, 11, 21), false },
        { OfferStatus.Actif, new DateOnly(2026, 11, 22), null, true },
        { OfferStatus.Actif, new DateOnly(2026, 11, 23), null, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsListed_WhenStatusAndValidity_FollowsTheOneRule(OfferStatus statut, DateOnly? du, DateOnly? jusquAu, bool listed) =>
        Assert.Equal(listed, OfferVisibility.IsListed(Offer(statut, du, jusquAu), Today));
}
