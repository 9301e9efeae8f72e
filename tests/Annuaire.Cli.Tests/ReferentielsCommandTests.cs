using Annuaire.Content.Diagnostics;
using Annuaire.Content.Referentials;

namespace Annuaire.Cli.Tests;

public sealed class ReferentielsCommandTests
{
    private static string Package => Path.Combine(AppContext.BaseDirectory, "TestData", "cog");

    [Fact]
    public void Cog_WhenEtalabPackage_WritesTheGeographyTheLoaderReads()
    {
        var content = Directory.CreateTempSubdirectory("annuaire-cog-");
        try
        {
            Directory.CreateDirectory(Path.Combine(content.FullName, "referentiels"));
            var (code, output, error) = CliRunner.Run("referentiels", "cog", Package, "--content", content.FullName);
            Assert.Equal((0, string.Empty), (code, error));
            Assert.Contains("5 communes", output, StringComparison.Ordinal);

            var diagnostics = new List<Diagnostic>();
            var t = GeographyFile.Read(Path.Combine(content.FullName, "referentiels", GeographyFile.FileName), diagnostics);
            Assert.Empty(diagnostics);
            Assert.Equal(["18001", "45004", "45208", "75056", "75101"], t.Communes.Keys.Order(StringComparer.Ordinal));
            Assert.Equal("244500203", t.Communes["45208"].Epci);
            Assert.Equal("200054781", t.Communes["75101"].Epci); // An arrondissement takes its commune's EPCI.
            Assert.Equal("75056", t.Communes["75101"].Parent);
            Assert.Equal(["45", "18"], t.Epcis["244500203"].Departements); // Main département first.
            Assert.Equal(["45", "18"], t.Regions["24"].Departements);
            Assert.Equal(["45208", "45004"], t.CommunesWithPostalCode("45200").Select(c => c.Code));
            Assert.False(t.Departements.ContainsKey("977")); // Overseas collectivities outside the DROM are left out.
        }
        finally
        {
            content.Delete(recursive: true);
        }
    }

    [Fact]
    public void Cog_WhenFolderIsNotThePackage_FailsWithAFrenchMessage()
    {
        var (code, _, error) = CliRunner.Run("referentiels", "cog", Path.GetTempPath());
        Assert.Equal(2, code);
        Assert.Contains("npm pack @etalab/decoupage-administratif", error, StringComparison.Ordinal);
    }
}
