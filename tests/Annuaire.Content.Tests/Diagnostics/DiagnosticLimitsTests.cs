using System.Globalization;
using System.Text.RegularExpressions;
using Annuaire.Content.Diagnostics;
using Annuaire.Content.Parsing;

namespace Annuaire.Content.Tests.Diagnostics;

/// <summary>Diagnostics stay bounded (issue 12: 499 637 ANN105 warnings, 125 MB pages), and what is cut is counted.</summary>
public sealed partial class DiagnosticLimitsTests : IDisposable
{
    private static readonly string Cases = Path.Combine(AppContext.BaseDirectory, "TestData", "cases");
    private static readonly ValidationOptions Options = new() { Today = new DateOnly(2026, 11, 22) };
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("annuaire-limites-");

    public DiagnosticLimitsTests()
    {
        var referentials = Directory.CreateDirectory(Path.Combine(_root.FullName, "referentiels"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Cases, "content", "referentiels")))
        {
            File.Copy(file, Path.Combine(referentials.FullName, Path.GetFileName(file)));
        }

        Directory.CreateDirectory(Path.Combine(_root.FullName, "offres", "loiret"));
    }

    public void Dispose() => _root.Delete(recursive: true);

    private void WriteOffer(string id, string extraHeader = "") => File.WriteAllText(Path.Combine(_root.FullName, "offres", "loiret", id + ".md"), $"""
        ---
        titre: "Location de scooters à Gien"
        resume: "Des scooters loués à petit prix pour aller travailler dans le Giennois."
        porteur: plateforme-mobilite-loiret
        thematiques: [mobilite--acceder-a-un-vehicule]
        zone_eligibilite: ["45155"]
        date_maj: 2026-10-01
        {extraHeader}
        ---
        Des scooters sont loués à la semaine.
        """);

    /// <summary>The « … et N autres » counts of the summary lines about <paramref name="code"/>.</summary>
    private static int Counted(IEnumerable<Diagnostic> diagnostics, string code) => diagnostics
        .Where(d => d.Code == DiagnosticCodes.MoreDiagnostics && d.Message.Contains(" " + code + " ", StringComparison.Ordinal))
        .Sum(d => int.Parse(Count().Match(d.Message).Groups[1].Value.Replace("\u202F", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture));

    [Fact]
    public void Load_WhenSameTitleAndPorteurMany_CapsProbableDuplicatesAndCountsTheRest()
    {
        const int offers = 60; // 1 770 pairs, each one warning.
        for (var i = 0; i < offers; i++)
        {
            WriteOffer(string.Create(CultureInfo.InvariantCulture, $"scooters-{i:D3}"));
        }

        var options = Options with { MaxDiagnosticsPerFileAndCode = 5, MaxWarningsPerCode = 50 };
        var catalog = ContentLoader.Load(_root.FullName, options);

        var shown = catalog.Diagnostics.Count(d => d.Code == DiagnosticCodes.ProbableDuplicate);
        Assert.InRange(shown, 1, 50);
        // Nothing silently dropped: shown + counted in « … et N autres » lines = every pair.
        Assert.Equal(offers * (offers - 1) / 2, shown + Counted(catalog.Diagnostics, DiagnosticCodes.ProbableDuplicate));
        Assert.InRange(catalog.Diagnostics.Count, shown, shown + 50 + 1);
    }

    [Fact]
    public void Load_WhenOneFileHasThousandsOfUnknownKeys_KeepsTwentyAndCountsTheRest()
    {
        WriteOffer("cles-inconnues", string.Concat(Enumerable.Range(0, 5_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"inconnue{i}: x\n"))));

        var catalog = ContentLoader.Load(_root.FullName, Options);

        Assert.Equal(Options.MaxDiagnosticsPerFileAndCode, catalog.Diagnostics.Count(d => d.Code == DiagnosticCodes.UnknownKey));
        var more = Assert.Single(catalog.Diagnostics, d => d.Code == DiagnosticCodes.MoreDiagnostics);
        Assert.Equal("offres/loiret/cles-inconnues.md", more.File);
        Assert.Equal(5_000 - 20, Counted([more], DiagnosticCodes.UnknownKey));
    }

    [Fact]
    public void Apply_WhenErrorsExceedTheCatalogueCap_KeepsEveryRejectedFile()
    {
        var errors = Enumerable.Range(0, 30).Select(i => new Diagnostic(DiagnosticCodes.MalformedYaml, DiagnosticSeverity.Error, $"offres/f{i:D2}.md", 2, 1, "YAML invalide")).ToList();

        var limited = DiagnosticLimits.Apply(errors, Options with { MaxWarningsPerCode = 10 });

        Assert.Equal(errors, limited);
    }

    [GeneratedRegex(@"… et ([\d\u202F\u00A0]+) autre")]
    private static partial Regex Count();
}
