using Annuaire.Content.Diagnostics;
using Annuaire.Content.Referentials;

namespace Annuaire.Content.Tests.Referentials;

/// <summary>A porteur's site is shown as a link on every offer of that porteur: https only, no user information (issue 12).</summary>
public sealed class PorteurSiteTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("annuaire-porteurs-");

    public void Dispose() => _root.Delete(recursive: true);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://javascript:alert(1)@example.org/")]
    [InlineData("http://www.example.org")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    public void Load_WhenPorteurSiteIsUnsafe_ReportsItAndKeepsNoLink(string site)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "TestData", "cases", "content", "referentiels");
        var folder = Directory.CreateDirectory(Path.Combine(_root.FullName, ReferentialLoader.FolderName));
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(folder.FullName, Path.GetFileName(file)));
        }

        var porteurs = Path.Combine(folder.FullName, "porteurs.yml");
        File.WriteAllText(porteurs, File.ReadAllText(porteurs).Replace("site: \"https://www.francetravail.fr\"", $"site: '{site}'", StringComparison.Ordinal));
        var diagnostics = new List<Diagnostic>();

        var referentials = ReferentialLoader.Load(_root.FullName, diagnostics);

        var reported = Assert.Single(diagnostics);
        Assert.Equal(("referentiels/porteurs.yml", DiagnosticCodes.InvalidReferential), (reported.File, reported.Code));
        Assert.Null(referentials.Porteurs["france-travail"].Site);
    }
}
