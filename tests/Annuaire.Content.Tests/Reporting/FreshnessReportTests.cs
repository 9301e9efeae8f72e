using Annuaire.Content.Model;
using Annuaire.Content.Reporting;

namespace Annuaire.Content.Tests.Reporting;

public sealed class FreshnessReportTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static Offer Offer(string id, DateOnly dateMaj) => new()
    {
        Id = id,
        SourcePath = $"offres/test/{id}.md",
        Titre = "Titre " + id,
        Resume = "Un résumé suffisamment long pour être valide.",
        Porteur = "cd45",
        Thematiques = ["mobilite--preparer-un-permis"],
        ZoneEligibilite = ["45"],
        DateMaj = dateMaj,
        Body = string.Join(' ', Enumerable.Repeat("mot", 200)),
        ConditionsAcces = "Conditions.",
        Contact = new OfferContact { Telephone = "01 99 00 12 34" },
        Lieux = [new OfferPlace { Nom = "Lieu", Horaires = "Mo-Fr 09:00-12:00" }],
    };

    [Fact]
    public void Build_WhenOffersHaveIssues_ListsThemWithCountsPerPorteurAndDepartement()
    {
        var territories = ReferentialLoaderForTests.Territories();
        var offers = new List<Offer>
        {
            Offer("a-jour", Today.AddMonths(-2)),
            Offer("ancienne", Today.AddMonths(-13)),
            Offer("expiree", Today.AddMonths(-1)) with { ValideJusquAu = Today.AddDays(-3) },
            Offer("suspendue", Today.AddMonths(-1)) with { Statut = OfferStatus.Suspendu, Porteur = "cd61", ZoneEligibilite = ["61"] },
            Offer("incomplete", Today.AddMonths(-1)) with { Contact = null, Lieux = [], ConditionsAcces = null, Body = "Trop court." },
            Offer("archivee", Today.AddYears(-3)) with { Statut = OfferStatus.Archive },
        };

        var report = FreshnessReport.Build(offers, territories, Today);

        Assert.Equal(["ancienne", "expiree", "incomplete", "suspendue"], report.Items.Select(i => i.Offer.Id).Order());
        Assert.Equal([FreshnessIssue.AVerifier], report.Items.Single(i => i.Offer.Id == "ancienne").Issues);
        Assert.Equal([FreshnessIssue.Expiree], report.Items.Single(i => i.Offer.Id == "expiree").Issues);
        Assert.Equal(
            [FreshnessIssue.SansContact, FreshnessIssue.SansLieu, FreshnessIssue.SansConditions, FreshnessIssue.DescriptionCourte],
            report.Items.Single(i => i.Offer.Id == "incomplete").Issues);
        Assert.Equal([("cd45", 3), ("cd61", 1)], report.CountBy(i => i.Offer.Porteur));
        Assert.Equal([("45", 3), ("61", 1)], report.CountBy(i => i.Departement));
        Assert.Equal("ancienne", report.Items[0].Offer.Id); // Oldest verification first.
    }

    [Fact]
    public void Build_WhenThresholdChanges_StalenessFollows()
    {
        var offers = new List<Offer> { Offer("six-mois", Today.AddMonths(-7)) };
        Assert.Empty(FreshnessReport.Build(offers, ReferentialLoaderForTests.Territories(), Today).Items);
        Assert.Single(FreshnessReport.Build(offers, ReferentialLoaderForTests.Territories(), Today, staleAfterMonths: 6).Items);
    }

    private static class ReferentialLoaderForTests
    {
        public static Content.Referentials.Territories Territories() =>
            Content.Referentials.ReferentialLoader.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "cases", "content"), []).Territories;
    }
}
