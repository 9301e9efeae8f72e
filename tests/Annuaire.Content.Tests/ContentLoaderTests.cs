using Annuaire.Content.Diagnostics;
using Annuaire.Content.Model;
using Annuaire.Content.Parsing;

namespace Annuaire.Content.Tests;

public sealed class ContentLoaderTests : IDisposable
{
    private static readonly string Cases = Path.Combine(AppContext.BaseDirectory, "TestData", "cases");
    private static readonly ValidationOptions Options = new() { Today = new DateOnly(2026, 11, 22) };
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("annuaire-content-");

    public ContentLoaderTests()
    {
        var referentials = Directory.CreateDirectory(Path.Combine(_root.FullName, "referentiels"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Cases, "content", "referentiels")))
        {
            File.Copy(file, Path.Combine(referentials.FullName, Path.GetFileName(file)));
        }
    }

    public void Dispose() => _root.Delete(recursive: true);

    private void WriteCase(string relativePath, string caseName) =>
        Write(relativePath, File.ReadAllText(Path.Combine(Cases, "invalid", caseName + ".md")));

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root.FullName, "offres", relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private const string Valid = """
        ---
        titre: "Location de scooters à Gien"
        resume: "Des scooters loués à petit prix pour aller travailler dans le Giennois."
        porteur: plateforme-mobilite-loiret
        thematiques: [mobilite--acceder-a-un-vehicule]
        zone_eligibilite: ["45155"]
        contact:
          telephone: "02 99 00 45 16"
        lieux:
          - nom: Antenne
            code_postal: "45500"
            code_insee: "45155"
            horaires: "Mo-Fr 09:00-12:00"
        date_maj: 2026-10-01
        ---
        Des scooters sont loués à la semaine.
        """;

    [Fact]
    public void Load_WhenOffersRepeatValues_OneInstancePerValue()
    {
        Write("loiret/scooters-gien.md", Valid);
        Write("loiret/scooters-briare.md", Valid.Replace("Gien", "Briare", StringComparison.Ordinal));

        var catalog = ContentLoader.Load(_root.FullName, Options);

        Assert.Equal(2, catalog.Offers.Count);
        var (a, b) = (catalog.Offers[0], catalog.Offers[1]);
        Assert.Equal(a.Porteur, b.Porteur);
        Assert.Same(a.Porteur, b.Porteur);
        Assert.Same(a.Thematiques[0], b.Thematiques[0]);
        Assert.Same(a.ZoneEligibilite[0], b.ZoneEligibilite[0]);
        Assert.Same(a.Contact!.Telephone, b.Contact!.Telephone);
        Assert.NotEqual(a.Titre, b.Titre);
    }

    [Fact]
    public void Load_WhenFolderMixesGoodAndBrokenFiles_LoadsEveryGoodOne()
    {
        Write("loiret/scooters-gien.md", Valid);
        Write("national/autre-offre-valide.md", Valid.Replace("45155\"]", "france\"]", StringComparison.Ordinal).Replace("Gien", "France", StringComparison.Ordinal));
        WriteCase("loiret/casse-1.md", "yaml-malforme");
        WriteCase("loiret/casse-2.md", "date-future");
        WriteCase("loiret/casse-3.md", "html-brut");

        var catalog = ContentLoader.Load(_root.FullName, Options);

        Assert.Equal(5, catalog.FileCount);
        Assert.Equal(["autre-offre-valide", "scooters-gien"], catalog.Offers.Select(o => o.Id));
        Assert.Equal(["offres/loiret/casse-1.md", "offres/loiret/casse-2.md", "offres/loiret/casse-3.md"],
            catalog.Diagnostics.Where(d => d.IsError).Select(d => d.File).Distinct());
    }

    [Fact]
    public void Load_WhenValidFile_MapsEveryField()
    {
        Write("loiret/scooters-gien.md", Valid);
        var offer = Assert.Single(ContentLoader.Load(_root.FullName, Options).Offers);
        Assert.Equal("scooters-gien", offer.Id);
        Assert.Equal("offres/loiret/scooters-gien.md", offer.SourcePath);
        Assert.Equal([Offer.TousPublics], offer.Publics);
        Assert.Equal(OfferStatus.Actif, offer.Statut);
        Assert.Equal(new DateOnly(2026, 10, 1), offer.DateMaj);
        Assert.Equal("02 99 00 45 16", offer.Contact!.Telephone);
        Assert.True(offer.Lieux[0].OpeningHours!.IsOpenAt(new DateTime(2026, 11, 23, 10, 0, 0)));
        Assert.Equal(16, offer.BodyLine);
        Assert.Equal("Des scooters sont loués à la semaine.", offer.Body);
    }

    [Fact]
    public void Load_WhenSameSlugInTwoFolders_ReportsDuplicateOnTheSecond()
    {
        Write("loiret/scooters-gien.md", Valid);
        Write("orne/scooters-gien.md", Valid);
        var catalog = ContentLoader.Load(_root.FullName, Options);
        var duplicate = Assert.Single(catalog.Diagnostics, d => d.Code == DiagnosticCodes.DuplicateSlug);
        Assert.Equal("offres/orne/scooters-gien.md", duplicate.File);
        Assert.Single(catalog.Offers);
    }

    [Fact]
    public void Load_WhenNearIdenticalTitlesSamePorteurAndTerritory_WarnsProbableDuplicate()
    {
        Write("loiret/scooters-gien.md", Valid);
        Write("loiret/scooters-a-gien.md", Valid.Replace("Location de scooters à Gien", "Location de scooters à Gien (2)", StringComparison.Ordinal));
        Write("orne/scooters-flers.md", Valid.Replace("Gien", "Flers", StringComparison.Ordinal).Replace("45155\"]", "61\"]", StringComparison.Ordinal));
        var catalog = ContentLoader.Load(_root.FullName, Options);
        var warning = Assert.Single(catalog.Diagnostics, d => d.Code == DiagnosticCodes.ProbableDuplicate);
        Assert.False(warning.IsError);
        Assert.Equal(3, catalog.Offers.Count);
    }

    [Fact]
    public void Load_WhenManyFilesShareSlugs_KeepsTheFirstInPathOrderAndReportsTheSameDiagnosticsEveryTime()
    {
        for (var i = 0; i < 40; i++)
        {
            Write($"loiret/offre-{i:D2}.md", Valid.Replace("Gien", $"Gien {i}", StringComparison.Ordinal));
            if (i % 2 == 0)
            {
                WriteCase($"orne/offre-{i:D2}.md", "yaml-malforme");
            }
            else
            {
                Write($"orne/offre-{i:D2}.md", Valid);
            }
        }

        var first = ContentLoader.Load(_root.FullName, Options);
        var second = ContentLoader.Load(_root.FullName, Options);

        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"offres/loiret/offre-{i:D2}.md"), first.Offers.Select(o => o.SourcePath));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"offres/orne/offre-{i:D2}.md"),
            first.Diagnostics.Where(d => d.Code == DiagnosticCodes.DuplicateSlug).Select(d => d.File));
        Assert.Equal(first.Diagnostics, second.Diagnostics);
    }

    [Fact]
    public void Load_WhenFolderMissing_Throws() =>
        Assert.Throws<DirectoryNotFoundException>(() => ContentLoader.Load(Path.Combine(_root.FullName, "absent"), Options));

    private void Touch(string relativePath, string text)
    {
        Write(relativePath, text);
        // A later write time, whatever the file system's clock resolution.
        File.SetLastWriteTimeUtc(Path.Combine(_root.FullName, "offres", relativePath), DateTime.UtcNow.AddMinutes(1));
    }

    [Fact]
    public void Load_WhenNothingChangedSincePrevious_ReusesEveryOffer()
    {
        Write("loiret/scooters-gien.md", Valid);
        Write("loiret/scooters-montargis.md", Valid.Replace("Gien", "Montargis", StringComparison.Ordinal));
        var first = ContentLoader.Load(_root.FullName, Options);

        var second = ContentLoader.Load(_root.FullName, Options, first);

        Assert.Same(first.Referentials, second.Referentials);
        Assert.All(first.Offers.Zip(second.Offers), pair => Assert.Same(pair.First, pair.Second));
        Assert.Equal(first.Fingerprint, second.Fingerprint);
        Assert.Equal(first.Diagnostics, second.Diagnostics);
    }

    [Fact]
    public void Load_WhenOneFileChanged_ReadsOnlyThatOne()
    {
        Write("loiret/scooters-gien.md", Valid);
        Write("loiret/scooters-montargis.md", Valid.Replace("Gien", "Montargis", StringComparison.Ordinal));
        var first = ContentLoader.Load(_root.FullName, Options);

        Touch("loiret/scooters-montargis.md", Valid.Replace("Gien", "Amilly", StringComparison.Ordinal));
        var second = ContentLoader.Load(_root.FullName, Options, first);

        Assert.Same(first.Offers.Single(o => o.Id == "scooters-gien"), second.Offers.Single(o => o.Id == "scooters-gien"));
        Assert.Contains("Amilly", second.Offers.Single(o => o.Id == "scooters-montargis").Titre, StringComparison.Ordinal);
        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
        Assert.Equal(ContentLoader.Load(_root.FullName, Options).Fingerprint, second.Fingerprint);
    }

    [Fact]
    public void Load_WhenFileDeletedOrBroken_DropsItsOfferAndReportsIt()
    {
        Write("loiret/scooters-gien.md", Valid);
        Write("loiret/scooters-montargis.md", Valid.Replace("Gien", "Montargis", StringComparison.Ordinal));
        var first = ContentLoader.Load(_root.FullName, Options);

        File.Delete(Path.Combine(_root.FullName, "offres", "loiret", "scooters-gien.md"));
        Touch("loiret/scooters-montargis.md", "---\ntitre: [\n---\n");
        var second = ContentLoader.Load(_root.FullName, Options, first);

        Assert.Empty(second.Offers);
        Assert.Contains(second.Diagnostics, d => d.File == "offres/loiret/scooters-montargis.md" && d.IsError);
    }

    [Fact]
    public void Load_WhenReferentialsOrDayChange_ReadsEverythingAgain()
    {
        Write("loiret/scooters-gien.md", Valid);
        var first = ContentLoader.Load(_root.FullName, Options);

        var nextDay = ContentLoader.Load(_root.FullName, Options with { Today = Options.Today.AddDays(1) }, first);
        File.AppendAllText(Path.Combine(_root.FullName, "referentiels", "synonymes.txt"), "\ntrottinette, patinette\n");
        var newReferentials = ContentLoader.Load(_root.FullName, Options, first);

        Assert.NotSame(first.Offers[0], nextDay.Offers[0]);
        Assert.NotSame(first.Referentials, newReferentials.Referentials);
        Assert.NotSame(first.Offers[0], newReferentials.Offers[0]);
    }

    [Fact]
    public void Load_WhenAnEditMakesOrUndoesADuplicate_ReportsItLikeAFreshLoad()
    {
        Write("loiret/scooters-gien.md", Valid);
        Write("loiret/velos-gien.md", Valid.Replace("Location de scooters", "Prêt de vélos électriques", StringComparison.Ordinal));
        var first = ContentLoader.Load(_root.FullName, Options);
        Assert.DoesNotContain(first.Diagnostics, d => d.Code == DiagnosticCodes.ProbableDuplicate);

        Touch("loiret/velos-gien.md", Valid);
        var duplicated = ContentLoader.Load(_root.FullName, Options, first);
        Touch("loiret/velos-gien.md", Valid.Replace("Location de scooters", "Prêt de vélos électriques", StringComparison.Ordinal));
        var undone = ContentLoader.Load(_root.FullName, Options, duplicated);

        Assert.Contains(duplicated.Diagnostics, d => d.Code == DiagnosticCodes.ProbableDuplicate && d.File == "offres/loiret/velos-gien.md");
        Assert.DoesNotContain(undone.Diagnostics, d => d.Code == DiagnosticCodes.ProbableDuplicate);
        Assert.Equal(ContentLoader.Load(_root.FullName, Options).Diagnostics, undone.Diagnostics);
    }

    [Fact]
    public void Load_WhenToldWhichPathsChanged_GivesWhatAFullListingGives()
    {
        string Offer(string relativePath) => Path.Combine(_root.FullName, "offres", relativePath);
        Write("loiret/scooters-gien.md", Valid);
        Write("loiret/scooters-montargis.md", Valid.Replace("Gien", "Montargis", StringComparison.Ordinal));
        Write("orne/velos-alencon.md", Valid.Replace("Location de scooters à Gien", "Prêt de vélos à Alençon", StringComparison.Ordinal));
        var catalog = ContentLoader.Load(_root.FullName, Options);
        var steps = new (string Name, Func<string[]> Change)[]
        {
            ("edit", () =>
            {
                Touch("loiret/scooters-montargis.md", Valid.Replace("Gien", "Amilly", StringComparison.Ordinal));
                return [Offer("loiret/scooters-montargis.md")];
            }),
            ("add, and a file that is not an offer", () =>
            {
                Write("loiret/scooters-briare.md", Valid.Replace("Gien", "Briare", StringComparison.Ordinal));
                Write("loiret/notes.txt", "brouillon");
                return [Offer("loiret/scooters-briare.md"), Offer("loiret/notes.txt")];
            }),
            ("rename", () =>
            {
                File.Move(Offer("loiret/scooters-briare.md"), Offer("loiret/scooters-gien-2.md"));
                return [Offer("loiret/scooters-briare.md"), Offer("loiret/scooters-gien-2.md")];
            }),
            ("delete, and a temporary file already gone", () =>
            {
                File.Delete(Offer("loiret/scooters-gien.md"));
                return [Offer("loiret/scooters-gien.md"), Offer("loiret/.scooters-gien.md.swp")];
            }),
            ("broken file", () =>
            {
                Touch("orne/velos-alencon.md", "---\ntitre: [\n---\n");
                return [Offer("orne/velos-alencon.md")];
            }),
            ("new folder with files (only the folder is reported)", () =>
            {
                Write("cher/scooters-vierzon.md", Valid.Replace("Gien", "Vierzon", StringComparison.Ordinal));
                return [Path.Combine(_root.FullName, "offres", "cher")];
            }),
            ("folder deleted (only the folder is reported)", () =>
            {
                Directory.Delete(Path.Combine(_root.FullName, "offres", "orne"), recursive: true);
                return [Path.Combine(_root.FullName, "offres", "orne")];
            }),
            ("referentials, outside offres/", () =>
            {
                File.AppendAllText(Path.Combine(_root.FullName, "referentiels", "synonymes.txt"), "\ntrottinette, patinette\n");
                return [Path.Combine(_root.FullName, "referentiels", "synonymes.txt")];
            }),
        };

        foreach (var (name, change) in steps)
        {
            catalog = ContentLoader.Load(_root.FullName, Options, catalog, change());
            var full = ContentLoader.Load(_root.FullName, Options);

            Assert.True(full.Offers.Select(o => o.SourcePath).SequenceEqual(catalog.Offers.Select(o => o.SourcePath)), name);
            Assert.True(full.Diagnostics.SequenceEqual(catalog.Diagnostics), name);
            Assert.True(full.Fingerprint == catalog.Fingerprint, name);
        }

        Assert.Contains(catalog.Offers, o => o.Id == "scooters-vierzon");
        Assert.Contains(catalog.Diagnostics, d => d.File == "offres/loiret/notes.txt");
    }
}
