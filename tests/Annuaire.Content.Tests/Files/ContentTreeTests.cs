using System.Diagnostics;
using Annuaire.Content.Diagnostics;
using Annuaire.Content.Parsing;
using Annuaire.Tests.Shared;

namespace Annuaire.Content.Tests.Files;

/// <summary>
/// Entries under content/ that used to freeze, crash or leak (issue 12): each becomes one diagnostic
/// for that entry, and every other offer still loads.
/// </summary>
public sealed class ContentTreeTests : IDisposable
{
    private const string Secret = "SECRET-TOKEN-12345";
    private static readonly string Cases = Path.Combine(AppContext.BaseDirectory, "TestData", "cases");
    private static readonly ValidationOptions Options = new() { Today = new DateOnly(2026, 11, 22) };
    private readonly DirectoryInfo _sandbox = Directory.CreateTempSubdirectory("annuaire-liens-");

    public ContentTreeTests()
    {
        var referentials = Directory.CreateDirectory(Path.Combine(Root, "referentiels"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Cases, "content", "referentiels")))
        {
            File.Copy(file, Path.Combine(referentials.FullName, Path.GetFileName(file)));
        }

        Directory.CreateDirectory(Path.Combine(Root, "offres", "loiret"));
        File.WriteAllText(Path.Combine(Root, "offres", "loiret", "scooters-gien.md"), ValidOffer("Location de scooters à Gien"));
        // Outside the content root: nothing here may ever be published.
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Combine(Outside, "secret.md"), ValidOffer(Secret).Replace("Des scooters", Secret, StringComparison.Ordinal));
    }

    private string Root => Path.Combine(_sandbox.FullName, "content");

    private string Outside => Path.Combine(_sandbox.FullName, "ailleurs");

    public void Dispose() => _sandbox.Delete(recursive: true);

    private static string ValidOffer(string title) => $"""
        ---
        titre: "{title}"
        resume: "Des scooters loués à petit prix pour aller travailler dans le Giennois."
        porteur: plateforme-mobilite-loiret
        thematiques: [mobilite--acceder-a-un-vehicule]
        zone_eligibilite: ["45155"]
        date_maj: 2026-10-01
        ---
        Des scooters sont loués à la semaine.
        """;

    private string Offers(string relative) => Path.Combine(Root, "offres", relative);

    private ContentCatalog LoadGuarded()
    {
        return HangGuard.Run(() => ContentLoader.Load(Root, Options), "charger le contenu", TimeSpan.FromSeconds(20));
    }

    private static void AssertOnlyTheGoodOfferAndOneRefusal(ContentCatalog catalog, string refusedPath)
    {
        Assert.Equal(["scooters-gien"], catalog.Offers.Select(o => o.Id));
        var refused = Assert.Single(catalog.Diagnostics, d => d.IsError);
        Assert.Equal((DiagnosticCodes.NotARegularFile, refusedPath), (refused.Code, refused.File));
    }

    [Fact]
    public void Load_WhenOfferIsALinkToDevZero_RefusesItWithoutReading()
    {
        File.CreateSymbolicLink(Offers("loiret/x.md"), "/dev/zero");

        var catalog = LoadGuarded();

        AssertOnlyTheGoodOfferAndOneRefusal(catalog, "offres/loiret/x.md");
    }

    [Fact]
    public void Load_WhenOfferIsALinkToAFileOutsideContent_NeverPublishesItsText()
    {
        File.CreateSymbolicLink(Offers("loiret/fuite.md"), Path.Combine(Outside, "secret.md"));

        var catalog = LoadGuarded();

        AssertOnlyTheGoodOfferAndOneRefusal(catalog, "offres/loiret/fuite.md");
        Assert.DoesNotContain(catalog.Offers, o => (o.Titre + o.Body).Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(catalog.Diagnostics, d => d.Message.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WhenFolderIsALinkToAFolderOutsideContent_IndexesNothingFromIt()
    {
        Directory.CreateSymbolicLink(Offers("ailleurs"), Outside);

        var catalog = LoadGuarded();

        AssertOnlyTheGoodOfferAndOneRefusal(catalog, "offres/ailleurs");
        Assert.DoesNotContain(catalog.Diagnostics, d => d.Message.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WhenLinkIsDangling_ReportsItAndLoadsTheOthers()
    {
        File.CreateSymbolicLink(Offers("loiret/perdu.md"), Path.Combine(Root, "nulle-part.md"));

        var catalog = LoadGuarded();

        AssertOnlyTheGoodOfferAndOneRefusal(catalog, "offres/loiret/perdu.md");
        Assert.NotEmpty(catalog.Fingerprint);
    }

    [Fact]
    public void Load_WhenLinksFormALoop_ReportsEachAndLoadsTheOthers()
    {
        File.CreateSymbolicLink(Offers("loiret/boucle-a.md"), Offers("loiret/boucle-b.md"));
        File.CreateSymbolicLink(Offers("loiret/boucle-b.md"), Offers("loiret/boucle-a.md"));
        Directory.CreateSymbolicLink(Offers("loiret/sous-dossier"), Offers("loiret"));

        var catalog = LoadGuarded();

        Assert.Equal(["scooters-gien"], catalog.Offers.Select(o => o.Id));
        Assert.Equal(["offres/loiret/boucle-a.md", "offres/loiret/boucle-b.md", "offres/loiret/sous-dossier"],
            catalog.Diagnostics.Where(d => d.IsError).Select(d => d.File));
        Assert.All(catalog.Diagnostics.Where(d => d.IsError), d => Assert.Equal(DiagnosticCodes.NotARegularFile, d.Code));
    }

    [Fact]
    public void Load_WhenOffersFolderItselfIsALink_LoadsNothingFromIt()
    {
        var real = Path.Combine(_sandbox.FullName, "offres-ailleurs");
        Directory.Move(Path.Combine(Root, "offres"), real);
        Directory.CreateSymbolicLink(Path.Combine(Root, "offres"), real);

        var catalog = LoadGuarded();

        Assert.Empty(catalog.Offers);
        Assert.Equal(0, catalog.FileCount);
        var refused = Assert.Single(catalog.Diagnostics, d => d.IsError);
        Assert.Equal(("offres", DiagnosticCodes.NotARegularFile), (refused.File, refused.Code));
    }

    [Fact]
    public void Load_WhenReferentialIsALinkOutsideContent_RefusesIt()
    {
        var porteurs = Path.Combine(Root, "referentiels", "porteurs.yml");
        File.Move(porteurs, Path.Combine(Outside, "porteurs.yml"));
        File.CreateSymbolicLink(porteurs, Path.Combine(Outside, "porteurs.yml"));

        var catalog = LoadGuarded();

        Assert.Contains(catalog.Diagnostics, d => d.File == "referentiels/porteurs.yml" && d.Code == DiagnosticCodes.InvalidReferential && d.Message.Contains("Lien symbolique", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WhenANamedPipeSitsUnderOffers_NeverBlocks()
    {
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", Offers("loiret/tube.md")) { UseShellExecute = false }))
        {
            mkfifo!.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var catalog = LoadGuarded();

        Assert.Equal(["scooters-gien"], catalog.Offers.Select(o => o.Id));
        Assert.Contains(catalog.Diagnostics, d => d.File == "offres/loiret/tube.md" && d.IsError);
    }

    [Fact]
    public void Compute_WhenADanglingLinkIsReplacedByAFile_ChangesTheFingerprint()
    {
        var link = Offers("loiret/lien.md");
        File.CreateSymbolicLink(link, Path.Combine(Root, "nulle-part.md"));
        var dangling = ContentFingerprint.Compute(Root);
        File.Delete(link);
        File.WriteAllText(link, ValidOffer("Autre offre"));

        Assert.NotEqual(dangling, ContentFingerprint.Compute(Root));
    }
}
