using Annuaire.Content.Diagnostics;
using Annuaire.Content.Parsing;
using Annuaire.Content.Referentials;

namespace Annuaire.Content.Tests.Referentials;

/// <summary>The committed national geography (content/referentiels/geographie.tsv) and its file format.</summary>
public sealed class GeographyFileTests
{
    private static readonly Lazy<Territories> National = new(() =>
    {
        var diagnostics = new List<Diagnostic>();
        var territories = GeographyFile.Read(Path.Combine(TestPaths.RepositoryRoot(), "content", "referentiels", GeographyFile.FileName), diagnostics);
        Assert.Empty(diagnostics);
        return territories;
    });

    [Fact]
    public void Read_CommittedFile_KnowsTheWholeCountry()
    {
        var t = National.Value;
        Assert.InRange(t.Communes.Count, 34_800, 35_100);
        Assert.Equal(18, t.Regions.Values.Count(r => r.Code != "975"));
        Assert.True(t.Epcis.Count > 1_200);
        Assert.Equal(101, t.Departements.Keys.Count(d => d != "975"));
    }

    [Fact]
    public void Read_Montargis_BelongsToItsEpciDepartementAndRegion()
    {
        var t = National.Value;
        var montargis = t.Communes["45208"];
        Assert.Equal("Montargis", montargis.Nom);
        Assert.Equal("244500203", montargis.Epci);
        Assert.Equal("45", t.DepartementOf("45208"));
        Assert.Equal("24", montargis.Region);
        Assert.Equal("24", t.RegionOf("45")!.Code);
        Assert.Contains("45", t.Regions["24"].Departements);
        Assert.Equal("45", t.Epcis["244500203"].Departement);
        Assert.Contains(t.CommunesOfEpci("244500203"), c => c.Code == "45004"); // Amilly
    }

    [Fact]
    public void CommunesWithPostalCode_SharedCode_ListsEveryCommuneLargestFirst()
    {
        var communes = National.Value.CommunesWithPostalCode("45200");
        Assert.Equal("45208", communes[0].Code); // Montargis before Amilly
        Assert.Contains(communes, c => c.Code == "45004");
        Assert.True(communes.Count >= 2);
        Assert.Equal(communes.OrderByDescending(c => c.Population).Select(c => c.Code), communes.Select(c => c.Code));
    }

    [Fact]
    public void Read_MunicipalArrondissements_PointToTheirCommune()
    {
        var t = National.Value;
        Assert.Equal("75056", t.Communes["75101"].Parent);
        Assert.Equal("13055", t.Communes["13201"].Parent);
        Assert.Equal("69123", t.Communes["69381"].Parent);
        Assert.Contains(t.CommunesWithPostalCode("75001"), c => c.Code == "75101");
        Assert.Equal("2A", t.DepartementOf("2A004"));
        Assert.Equal("974", t.DepartementOf("97411"));
    }

    [Fact]
    public void WriteThenRead_RoundTripsEveryRecord()
    {
        var regions = new[] { new Region("24", "Centre-Val de Loire", ["18", "45"]) };
        var epcis = new[] { new Epci("244500203", "CA Montargoise", "45") { Type = "CA", Departements = ["45"] } };
        var communes = new[]
        {
            new Commune("45208", "Montargis", "45", "244500203", ["45200"]) { Region = "24", Population = 14825 },
            new Commune("75101", "Paris 1er Arrondissement", "75", null, ["75001"]) { Region = "11", Population = 15114, Parent = "75056" },
        };
        var original = new Territories([new("45", "Loiret"), new("18", "Cher")], communes, epcis, regions);
        var path = Path.GetTempFileName();
        try
        {
            using (var writer = new StreamWriter(path))
            {
                GeographyFile.Write(writer, original, "test");
            }

            var diagnostics = new List<Diagnostic>();
            var read = GeographyFile.Read(path, diagnostics);
            Assert.Empty(diagnostics);
            Assert.Equal(original.Communes.Values.OrderBy(c => c.Code), read.Communes.Values.OrderBy(c => c.Code), CommuneComparer.Instance);
            Assert.Equal(["244500203"], read.Epcis.Keys);
            Assert.Equal("CA", read.Epcis["244500203"].Type);
            Assert.Equal(["18", "45"], read.Regions["24"].Departements);
            Assert.Equal("Cher", read.Departements["18"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_MalformedLine_IsALocatedErrorAndTheRestLoads()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["# comment", "departement\t45\tLoiret", "commune\t45208\tMontargis", "commune\t45004\tAmilly\t45\t24\t244500203\t45200\t13000"]);
            var diagnostics = new List<Diagnostic>();
            var read = GeographyFile.Read(path, diagnostics);
            var error = Assert.Single(diagnostics);
            Assert.Equal((DiagnosticCodes.InvalidReferential, 3), (error.Code, error.Line));
            Assert.Equal(["45004"], read.Communes.Keys);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("45999", true)] // Well-formed but no such commune.
    [InlineData("999999999", true)] // No such EPCI.
    [InlineData("45338", false)] // Villemandeur: a real commune the catalogue never cited.
    [InlineData("200035814", false)] // Flers Agglo.
    public void Validate_ZoneCode_KnownToTheCogOrAnError(string code, bool error)
    {
        var folder = Path.Combine(Path.GetTempPath(), "geo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "offre.md");
            File.WriteAllText(file, $"---\ntitre: \"Aide au permis de conduire\"\nresume: \"Une aide financière pour passer le permis B.\"\nporteur: cd45\nthematiques: [mobilite--preparer-un-permis]\nzone_eligibilite: [\"{code}\"]\ndate_maj: 2026-10-01\n---\nLe Département aide à financer le permis de conduire.\n");
            var referentials = ReferentialLoader.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "cases", "content"), []);
            var (_, diagnostics) = OfferFileReader.Read(folder, file, referentials, new ValidationOptions { Today = new DateOnly(2026, 11, 22) });
            Assert.Equal(error, diagnostics.Any(d => d.Code == DiagnosticCodes.UnknownTerritory && d.IsError));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class CommuneComparer : IEqualityComparer<Commune>
    {
        public static readonly CommuneComparer Instance = new();

        public bool Equals(Commune? x, Commune? y) => x is not null && y is not null
            && (x.Code, x.Nom, x.Departement, x.Epci, x.Region, x.Population, x.Parent) == (y.Code, y.Nom, y.Departement, y.Epci, y.Region, y.Population, y.Parent)
            && x.CodesPostaux.SequenceEqual(y.CodesPostaux);

        public int GetHashCode(Commune obj) => obj.Code.GetHashCode(StringComparison.Ordinal);
    }
}
