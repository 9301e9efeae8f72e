using System.Text;
using AngleSharp;
using Annuaire.Tests.Shared;
using Annuaire.Web.Services;

namespace Annuaire.Web.Tests.Services;

/// <summary>
/// The renderer the offer page really uses (Markdown, then the sanitizer), fed hostile Markdown
/// from a pull request: never throws, never hangs, never yields script, handler or unsafe link.
/// </summary>
public sealed class SafeMarkdownTests
{
    private static readonly string[] Hostile =
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "[a](JaVaScRiPt:alert(1))", "[t](java\tscript:alert(1))",
        "[b](data:text/html;base64,PHNjcmlwdD4=)", "<a href=\"javascript:x\">y</a>", "<svg onload=alert(1)>", "<iframe src=//x>", "<style>*{}</style>",
        "[v](vbscript:x)", "<javascript:alert(1)>", "[ok](https://example.org)", "[tel](tel:0199000000)", "<mailto:a@example.org>", "![i](http://x/y.png)",
        "**gras**", "## Titre", "# H1", "> citation", "- liste", "1. un", "`code`", "```\n", "|a|b|\n|-|-|\n", "&#106;avascript:", "\n", "\n\n", " ", "é", "🙂", "\u0000", "\u202e",
    ];

    private static readonly string[] UnsafeSchemes = ["javascript:", "data:", "vbscript:"];

    private readonly SafeMarkdown _renderer = new();

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public async Task ToHtml_WhenHostileMarkdown_YieldsNoActiveContent(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 400; i++)
        {
            var markdown = new StringBuilder();
            for (var n = random.Next(1, 25); n > 0; n--)
            {
                markdown.Append(Hostile[random.Next(Hostile.Length)]);
            }

            var input = markdown.ToString();
            var html = await HangGuard.RunAsync(() => _renderer.ToHtml(input));
            var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html), TestContext.Current.CancellationToken);

            Assert.Empty(document.QuerySelectorAll("script, iframe, img, svg, style, object, embed, form"));
            foreach (var element in document.All)
            {
                Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "style");
                var href = element.GetAttribute("href")?.Trim();
                Assert.False(href is not null && UnsafeSchemes.Any(s => href.StartsWith(s, StringComparison.OrdinalIgnoreCase)), $"href={href} pour : {input}");
            }

            Assert.All(document.QuerySelectorAll("a[href]"), a => Assert.Equal("noopener noreferrer", a.GetAttribute("rel")));
            Assert.Empty(document.QuerySelectorAll("h1, h2"));
        }
    }
}
