using System.Text;

namespace Annuaire.Content.Tests.Fuzz;

/// <summary>Seeded generator of hostile text: YAML and Markdown syntax, HTML, unicode, control characters.</summary>
internal sealed class RandomText(int seed)
{
    private static readonly string[] Pieces =
    [
        "---", "\n", "\r\n", "  ", "\t", ":", ": ", "- ", "[", "]", "{", "}", "\"", "'", "’", "#", "&", "*", "!", "|", ">", "%", "@", "`",
        "titre", "resume", "porteur", "thematiques", "zone_eligibilite", "date_maj", "lieux", "contact", "horaires",
        "cd45", "mobilite--preparer-un-permis", "\"45\"", "2026-13-45", "2026-11-01", "Mo-Fr 09:00-12:00", "24/7", "Su off",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "![i](http://x/y.png)",
        "<javascript:alert(1)>", "[a](JaVaScRiPt:alert(1))", "[b](data:text/html;base64,PHNjcmlwdD4=)", "<https://ok.example.org>",
        "**gras**", "## Titre", "> citation", "    code", "```", "é", "À", "🙂", "\u0000", "\u202e", "\uFEFF", "\\", "&lt;", "hébergement",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "&&", "~", "^", "(", ")", "+", "-", "AND", "OR", "NOT",
    ];

    private readonly Random _random = new(seed);

    public string Next(int maxPieces = 60)
    {
        var text = new StringBuilder();
        var count = _random.Next(0, maxPieces);
        for (var i = 0; i < count; i++)
        {
            text.Append(_random.Next(10) == 0 ? (char)_random.Next(0, 0xD7FF) : Pieces[_random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }
}
