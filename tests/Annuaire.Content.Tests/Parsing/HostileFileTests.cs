using System.Text;
using Annuaire.Content.Diagnostics;
using Annuaire.Content.Parsing;
using Annuaire.Content.Referentials;
using Annuaire.Tests.Shared;

namespace Annuaire.Content.Tests.Parsing;

/// <summary>
/// Files written to hurt the process (issue 12): each is refused with a located diagnostic. The
/// bounds are hang guards, far above the real cost (see docs/fiabilite.md for measured times).
/// </summary>
public sealed class HostileFileTests
{
    private static readonly string Cases = Path.Combine(AppContext.BaseDirectory, "TestData", "cases");
    private static readonly ValidationOptions Options = new() { Today = new DateOnly(2026, 11, 22) };
    private static readonly Lazy<ReferentialSet> Referentials = new(() => ReferentialLoader.Load(Path.Combine(Cases, "content"), []));

    private const string Header = """
        ---
        titre: "Aide au permis de conduire"
        resume: "Une aide financière pour passer le permis B quand il conditionne l'emploi."
        porteur: cd45
        thematiques: [mobilite--preparer-un-permis]
        zone_eligibilite: ["45"]
        date_maj: 2026-10-01

        """;

    private static (Annuaire.Content.Model.Offer? Offer, IReadOnlyList<Diagnostic> Diagnostics) ParseGuarded(string text, ValidationOptions? options = null)
    {
        return HangGuard.Run(() => OfferFileReader.Parse("offres/loiret/hostile.md", text, Referentials.Value, options ?? Options), "valider le fichier");
    }

    [Fact]
    public void Parse_WhenAliasBombUsedAsComplexKey_RefusesTheFirstAnchorBeforeBuildingAnything()
    {
        var text = File.ReadAllText(Path.Combine(Cases, "invalid", "ancres-et-renvois.md"));

        var (offer, diagnostics) = ParseGuarded(text);

        Assert.Null(offer);
        var refused = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UnsupportedYaml, 8), (refused.Code, refused.Line));
        Assert.Contains("&nom", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenTenThousandLineHeaderBreaksAtTheEnd_LocatesTheBrokenLine()
    {
        // The tail makes YamlDotNet's scanner throw without a position (found by fuzzing); the line
        // used to be found by re-parsing every prefix of the header (quadratic: 103 s here).
        var text = new StringBuilder(Header);
        for (var i = 0; i < 10_000; i++)
        {
            text.Append("cle").Append(i).Append(": v\n");
        }

        text.Append("x:   {x: {a{%\n\"%*a\n---\nTexte.\n");

        var (offer, diagnostics) = ParseGuarded(text.ToString());

        Assert.Null(offer);
        var broken = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.MalformedYaml, broken.Code);
        Assert.InRange(broken.Line, 10_008, 10_010);
    }

    [Fact]
    public void Parse_WhenTextLongerThanTheCap_RefusesWithoutParsing()
    {
        var text = Header + "---\n" + new string('a', 300 * 1024);

        var (offer, diagnostics) = OfferFileReader.Parse("offres/loiret/long.md", text, Referentials.Value, Options);

        Assert.Null(offer);
        Assert.Equal(DiagnosticCodes.FileTooLarge, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Read_WhenFileIsFiftyMegabytes_RefusesFromItsSizeWithoutReadingIt()
    {
        var folder = Directory.CreateTempSubdirectory("annuaire-gros-");
        try
        {
            var path = Path.Combine(folder.FullName, "gros.md");
            using (var stream = File.Create(path))
            {
                stream.Write(Encoding.UTF8.GetBytes(Header + "---\n"));
                stream.SetLength(50L * 1024 * 1024); // Sparse: the test writes a few bytes, the listing says 50 MB.
            }

            var (offer, diagnostics) = OfferFileReader.Read(folder.FullName, path, Referentials.Value, Options);

            Assert.Null(offer);
            var refused = Assert.Single(diagnostics);
            Assert.Equal((DiagnosticCodes.FileTooLarge, 0), (refused.Code, refused.Line));
            Assert.Contains("52 428 800", refused.Message.Replace('\u202F', ' ').Replace('\u00A0', ' '), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Parse_WhenTimeBudgetIsSpent_RejectsTheFileWithADiagnostic()
    {
        // Each reading of this clock moves it one second on: any budget under a second is spent at once.
        var options = Options with { Clock = new SteppingClock(TimeSpan.FromSeconds(1)), FileTimeBudget = TimeSpan.FromMilliseconds(500) };
        var text = File.ReadAllText(Path.Combine(TestPaths.RealContent, "offres", "loiret", Directory.GetFiles(Path.Combine(TestPaths.RealContent, "offres", "loiret"), "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal).First()!));

        var (offer, diagnostics) = OfferFileReader.Parse("offres/loiret/lent.md", text, ReferentialLoader.Load(TestPaths.RealContent, []), options);

        Assert.Null(offer);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.TooSlowToValidate);
    }

    /// <summary>A clock whose every timestamp is one step later than the previous one.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
    }
}
