using Annuaire.Content.Diagnostics;
using Annuaire.Content.Parsing;
using Annuaire.Content.Referentials;

namespace Annuaire.Content.Tests.Parsing;

/// <summary>
/// One file per diagnostic under TestData/cases/invalid: <c>case.md</c> and, next to it,
/// <c>case.expected</c> listing the expected « CODE LINE » pairs (each diagnostic, at its line).
/// </summary>
public sealed class InvalidFileCaseTests
{
    private static readonly string Cases = Path.Combine(AppContext.BaseDirectory, "TestData", "cases");
    private static readonly ValidationOptions Options = new() { Today = new DateOnly(2026, 11, 22) };
    private static readonly Lazy<ReferentialSet> Referentials = new(() => ReferentialLoader.Load(Path.Combine(Cases, "content"), []));

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Cases, "invalid"), "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Read_WhenInvalidCase_ReportsExpectedCodesAtExpectedLines(string name)
    {
        var expected = File.ReadAllLines(Path.Combine(Cases, "invalid", name + ".expected"))
            .Where(l => l.Length > 0)
            .Select(l => l.Split(' '))
            .Select(p => (Code: p[0], Line: int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToHashSet();

        var (offer, diagnostics) = OfferFileReader.Read(Path.Combine(Cases, "invalid"), Path.Combine(Cases, "invalid", name + ".md"), Referentials.Value, Options);

        Assert.Equal(expected.OrderBy(e => e.Code).ThenBy(e => e.Line), diagnostics.Select(d => (d.Code, d.Line)).ToHashSet().OrderBy(e => e.Code).ThenBy(e => e.Line));
        Assert.All(diagnostics, d => Assert.Equal(name + ".md", d.File));
        Assert.All(diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
        // Errors reject the file; warnings alone do not.
        Assert.Equal(diagnostics.Any(d => d.IsError), offer is null);
    }

    [Fact]
    public void Read_WhenUnknownKeyTypo_SuggestsTheRightKey()
    {
        var (_, diagnostics) = OfferFileReader.Read(Path.Combine(Cases, "invalid"), Path.Combine(Cases, "invalid", "cle-inconnue.md"), Referentials.Value, Options);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.UnknownKey && d.Message.Contains("thematiques", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_WhenKeyMisspeltAtWrongLevel_SuggestsTheQualifiedKey()
    {
        var (_, diagnostics) = OfferFileReader.Read(Path.Combine(Cases, "invalid"), Path.Combine(Cases, "invalid", "cle-mal-placee.md"), Referentials.Value, Options);
        var unknownKey = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.UnknownKey);
        Assert.EndsWith("vouliez-vous dire : contact.telephone.", unknownKey.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenPublicIsAnAcronym_SuggestsThePublicThroughSynonyms()
    {
        var (_, diagnostics) = OfferFileReader.Read(Path.Combine(Cases, "invalid"), Path.Combine(Cases, "invalid", "cle-mal-placee.md"), Referentials.Value, Options);
        var unknownValue = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.UnknownReferentialValue);
        Assert.Contains("valeurs proches : beneficiaires-des-minimas-sociaux", unknownValue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenClosureAndDocumentsGiven_BindsThem()
    {
        var (offer, _) = OfferFileReader.Read(Path.Combine(Cases, "invalid"), Path.Combine(Cases, "invalid", "fermeture-passee.md"), Referentials.Value, Options);
        Assert.NotNull(offer);
        Assert.Equal(["Pièce d'identité", "Justificatif de domicile"], offer.Justificatifs);
        Assert.Equal(new Annuaire.Content.Model.TemporaryClosure(new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 21), "congés d'été"), offer.FermetureTemporaire);
    }

    [Fact]
    public void Read_WhenReferentialValueUnknown_SuggestsClosestValues()
    {
        var (_, diagnostics) = OfferFileReader.Read(Path.Combine(Cases, "invalid"), Path.Combine(Cases, "invalid", "valeur-hors-referentiel.md"), Referentials.Value, Options);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Contains("mobilite--preparer-un-permis", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(15, diagnostic.Column);
    }

    [Fact]
    public void Read_WhenFileIsNotUtf8_ReportsUnreadableFile()
    {
        var folder = Directory.CreateTempSubdirectory("annuaire-latin1-");
        try
        {
            var path = Path.Combine(folder.FullName, "latin1.md");
            File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes("---\ntitre: \"Hébergement d'urgence\"\n---\nTexte accentué : é à ù.\n"));
            var (offer, diagnostics) = OfferFileReader.Read(folder.FullName, path, Referentials.Value, Options);
            Assert.Null(offer);
            Assert.Equal(DiagnosticCodes.UnreadableFile, Assert.Single(diagnostics).Code);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
