using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Annuaire.Content.Diagnostics;
using Annuaire.Content.Files;
using Annuaire.Content.Model;
using Annuaire.Content.Referentials;
using Annuaire.Content.Text;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Annuaire.Content.Parsing;

/// <summary>
/// Reads one offer file: decoding, front-matter, field validation and body checks. Returns
/// the offer when it has no error, and every diagnostic either way.
/// </summary>
public static partial class OfferFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly string[] AllowedBodySchemes = ["https", "http", "mailto", "tel"];

    /// <summary>
    /// Reads the file at <paramref name="path"/>, reported relative to <paramref name="contentRoot"/>:
    /// refused without being opened when it is a link, lies outside the root or exceeds
    /// <see cref="ValidationOptions.MaxFileBytes"/>.
    /// </summary>
    public static (Offer? Offer, IReadOnlyList<Diagnostic> Diagnostics) Read(string contentRoot, string path, ReferentialSet referentials, ValidationOptions options) =>
        Read(ContentTree.Inspect(contentRoot, path), referentials, options);

    /// <summary>Reads an entry listed by <see cref="ContentTree"/>.</summary>
    public static (Offer? Offer, IReadOnlyList<Diagnostic> Diagnostics) Read(ContentEntry entry, ReferentialSet referentials, ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(options);
        return Read(entry, ContentTree.Read(entry, options.MaxFileBytes), referentials, options);
    }

    /// <summary>Checks an entry whose bytes were already read (or refused) by <see cref="ContentTree.Read"/>.</summary>
    internal static (Offer? Offer, IReadOnlyList<Diagnostic> Diagnostics) Read(ContentEntry entry, (byte[]? Bytes, ContentRefusal? Refusal) read, ReferentialSet referentials, ValidationOptions options, StringPool? strings = null)
    {
        var bag = new DiagnosticBag(entry.RelativePath);
        var (bytes, refusal) = read;
        if (refusal is not null)
        {
            bag.Error(refusal.Code, SourceLocation.File, refusal.Message);
            return (null, bag.Items);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes!);
        }
        catch (DecoderFallbackException)
        {
            bag.Error(DiagnosticCodes.UnreadableFile, SourceLocation.File, "Le fichier n'est pas encodé en UTF-8 : réenregistrez-le en UTF-8 (c'est le réglage par défaut de GitHub).");
            return (null, bag.Items);
        }

        return Parse(entry.RelativePath, text, referentials, options, strings);
    }

    /// <summary>Parses file content already in memory (used by tests, previews and imports).</summary>
    public static (Offer? Offer, IReadOnlyList<Diagnostic> Diagnostics) Parse(string relativePath, string text, ReferentialSet referentials, ValidationOptions options) =>
        Parse(relativePath, text, referentials, options, strings: null);

    /// <summary>Parses file content, its short values taken from <paramref name="strings"/> (one instance per value across a load).</summary>
    internal static (Offer? Offer, IReadOnlyList<Diagnostic> Diagnostics) Parse(string relativePath, string text, ReferentialSet referentials, ValidationOptions options, StringPool? strings)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var bag = new DiagnosticBag(relativePath);
        if (text.Length > options.MaxFileBytes)
        {
            // A UTF-8 file has at least as many bytes as characters: the same cap as for files read from disk.
            bag.Error(DiagnosticCodes.FileTooLarge, SourceLocation.File, string.Create(CultureInfo.GetCultureInfo("fr-FR"),
                $"Texte trop long ({text.Length:N0} caractères, au plus {options.MaxFileBytes:N0}) : une offre tient en quelques kilo-octets ; raccourcissez le texte."));
            return (null, bag.Items);
        }

        var budget = new FileBudget(options);
        text = text.TrimStart('\uFEFF').ReplaceLineEndings("\n");

        var id = Path.GetFileNameWithoutExtension(relativePath);
        if (!SlugPattern().IsMatch(id))
        {
            bag.Error(DiagnosticCodes.InvalidSlug, SourceLocation.File,
                $"Nom de fichier « {Path.GetFileName(relativePath)} » invalide : utilisez des minuscules sans accent, des chiffres et des tirets (ex. aide-permis-loiret.md).");
        }

        var document = OfferMarkdown.ParseFile(text);
        if (document.Count == 0 || document[0] is not YamlFrontMatterBlock frontMatter)
        {
            var unclosed = text.StartsWith("---", StringComparison.Ordinal);
            bag.Error(DiagnosticCodes.MissingFrontMatter, new SourceLocation(1, 1), unclosed
                ? "L'en-tête YAML n'est pas fermé : ajoutez une ligne « --- » après la dernière clé."
                : "En-tête YAML absent : le fichier doit commencer par une ligne « --- », les clés (titre, resume…), puis une ligne « --- ».");
            return (null, bag.Items);
        }

        // The block spans the two fences; the YAML is what lies between them.
        var blockText = text.Substring(frontMatter.Span.Start, frontMatter.Span.Length);
        var firstBreak = blockText.IndexOf('\n', StringComparison.Ordinal);
        var lastBreak = blockText.LastIndexOf('\n');
        var yaml = firstBreak < lastBreak ? blockText[(firstBreak + 1)..lastBreak] : string.Empty;
        var bodyStart = Math.Min(text.Length, frontMatter.Span.End + 1);
        var body = text[bodyStart..].Trim('\n', '\r', ' ', '\t');
        var bodyLine = frontMatter.Line + blockText.Count(c => c == '\n') + 2;

        InspectBody(document, body, bodyLine, bag);
        FindPlaceholders(text, bag);

        var root = YamlText.LoadMapping(yaml, frontMatter.Line + 1, bag, "En-tête", budget);
        if (root is null)
        {
            return (null, bag.Items);
        }

        var offer = new OfferBinder(root, frontMatter.Line + 1, bag, referentials, options, strings).Bind(id, relativePath, body, bodyLine);
        if (budget.IsSpent)
        {
            bag.Error(DiagnosticCodes.TooSlowToValidate, SourceLocation.File,
                "La vérification de ce fichier a pris trop de temps : simplifiez l'en-tête et le texte (moins de valeurs, de liens, de listes imbriquées).");
        }

        return (bag.HasErrors ? null : offer, bag.Items);
    }

    private static void InspectBody(MarkdownDocument document, string body, int bodyLine, DiagnosticBag bag)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            bag.Error(DiagnosticCodes.EmptyBody, new SourceLocation(bodyLine, 1),
                "Le texte de l'offre est vide : décrivez après l'en-tête ce qu'est l'offre, pour qui, comment la mobiliser et les pièces à fournir.");
            return;
        }

        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HtmlBlock or HtmlInline:
                    bag.Error(DiagnosticCodes.RawHtml, At(node),
                        "HTML brut interdit dans le texte : utilisez la syntaxe Markdown (**gras**, listes, [lien](https://…)).");
                    break;
                case LinkInline { IsImage: true }:
                    bag.Error(DiagnosticCodes.UnsafeLink, At(node), "Les images ne sont pas acceptées dans le texte d'une offre.");
                    break;
                case LinkInline link:
                    CheckLink(link.Url, node, bag);
                    break;
                case AutolinkInline autolink:
                    CheckLink(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, node, bag);
                    break;
                default:
                    break;
            }
        }
    }

    private static void CheckLink(string? url, MarkdownObject node, DiagnosticBag bag)
    {
        var target = (url ?? string.Empty).Trim();
        var colon = target.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 0 ? target[..colon].ToLowerInvariant() : string.Empty;
        if (!AllowedBodySchemes.Contains(scheme))
        {
            bag.Error(DiagnosticCodes.UnsafeLink, At(node),
                $"Lien « {Shorten(target)} » refusé : seuls les liens https://, http://, mailto: et tel: sont acceptés.");
        }
        else if (scheme is "http" or "https" && WebAddress.Check(target, out _) == WebAddress.Problem.UserInfo)
        {
            bag.Error(DiagnosticCodes.UnsafeLink, At(node), WebAddress.Explain(WebAddress.Problem.UserInfo, "Lien", Shorten(target)));
        }
        else if (scheme == "http")
        {
            bag.Warning(DiagnosticCodes.HttpLinkInBody, At(node), $"Lien « {Shorten(target)} » non sécurisé : préférez https://.");
        }
    }

    /// <summary>
    /// The « À compléter » left by <c>annuaire new</c> must not reach advisers: each one, in the
    /// front-matter or the text, is an error at its line. Only the placeholder form is caught
    /// (capital À, then a colon, a full stop or the end of the line): « un dossier à compléter »
    /// stays legitimate French.
    /// </summary>
    private static void FindPlaceholders(string text, DiagnosticBag bag)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match match in PlaceholderPattern().Matches(lines[i]))
            {
                bag.Error(DiagnosticCodes.Placeholder, new SourceLocation(i + 1, match.Index + 1),
                    "Texte provisoire « À compléter » laissé en place : remplacez-le par le vrai contenu (ou retirez la ligne) avant de proposer l'offre.");
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    private static SourceLocation At(MarkdownObject node) => new(node.Line + 1, node.Column + 1);

    [GeneratedRegex(@"(?<![\p{L}\p{N}])[ÀA] compl[ée]ter(?=\s*(?:[.:…]|""|$))", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
