using Annuaire.Content.Parsing;
using Annuaire.Content.Referentials;
using Annuaire.Content.Scheduling;
using Annuaire.Content.Text;
using Annuaire.Tests.Shared;

namespace Annuaire.Content.Tests.Fuzz;

/// <summary>Arbitrary input never throws, never hangs, and never renders a script or a javascript: link.</summary>
public sealed class ContentFuzzTests
{
    private static readonly ValidationOptions Options = new() { Today = new DateOnly(2026, 11, 22) };

    private static ReferentialSet Referentials() => ReferentialLoader.Load(TestPaths.RealContent, []);

    private static void WithinBudget(Action action, string input) =>
        HangGuard.Run(() => { action(); return true; }, input[..Math.Min(200, input.Length)]);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Parse_WhenArbitraryFile_NeverThrowsNorHangs(int seed)
    {
        var referentials = Referentials();
        var random = new RandomText(seed);
        for (var i = 0; i < 700; i++)
        {
            var input = i % 2 == 0 ? random.Next() : "---\n" + random.Next() + "\n---\n" + random.Next();
            WithinBudget(() =>
            {
                var (offer, diagnostics) = OfferFileReader.Parse("offres/test/fuzz.md", input, referentials, Options);
                Assert.True(offer is not null || diagnostics.Any(d => d.IsError));
                Assert.All(diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
            }, input);
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void ToHtml_WhenArbitraryMarkdown_NeverEmitsScriptOrJavascriptLink(int seed)
    {
        var random = new RandomText(seed);
        for (var i = 0; i < 1500; i++)
        {
            var input = random.Next(80);
            WithinBudget(() =>
            {
                var html = OfferMarkdown.ToHtml(input);
                Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
                // Text may mention « javascript: »; no attribute may point to it.
                Assert.DoesNotMatch(@"(?i)(href|src)\s*=\s*[""']?\s*(javascript|data|vbscript):", html);
                Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            }, input);
        }
    }

    [Fact]
    public void OpeningHours_WhenArbitraryText_NeverThrows()
    {
        var random = new RandomText(6);
        for (var i = 0; i < 2000; i++)
        {
            var input = random.Next(10);
            if (OpeningHoursParser.TryParse(input, out var hours, out var error))
            {
                Assert.NotEmpty(OpeningHoursFormatter.Describe(hours!));
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(error));
            }
        }
    }
}
