using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Annuaire.Content.Text;

/// <summary>
/// The Markdown pipelines, built once: one to inspect content files (front-matter, raw HTML
/// and links located precisely) and one to render bodies with raw HTML disabled.
/// </summary>
public static class OfferMarkdown
{
    /// <summary>Parses a whole content file: YAML front-matter block plus body, with precise positions.</summary>
    public static MarkdownPipeline InspectionPipeline { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>Renders bodies: raw HTML is escaped, never emitted.</summary>
    public static MarkdownPipeline RenderPipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    /// <summary>Parses a whole content file.</summary>
    public static MarkdownDocument ParseFile(string text) => Markdown.Parse(text, InspectionPipeline);

    /// <summary>Schemes a rendered link may use; anything else (javascript:, data:…) is neutralised.</summary>
    public static IReadOnlyList<string> SafeSchemes { get; } = ["https", "http", "mailto", "tel"];

    /// <summary>
    /// Renders a body to HTML: raw HTML escaped, links with other schemes than
    /// <see cref="SafeSchemes"/> and images turned into plain text. Callers still sanitise.
    /// </summary>
    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown ?? string.Empty, RenderPipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage || !IsSafe(link.Url))
            {
                // Keep the visible text, drop the target.
                var text = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
                link.ReplaceBy(new LiteralInline(text));
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!autolink.IsEmail && !IsSafe(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        RenderPipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    /// <summary>Whether a link target uses an allowed scheme (relative targets are refused too).</summary>
    public static bool IsSafe(string? url)
    {
        var target = (url ?? string.Empty).Trim();
        var colon = target.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && SafeSchemes.Contains(target[..colon].ToLowerInvariant());
    }

    /// <summary>The body as plain text, for indexing and snippets.</summary>
    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, RenderPipeline).Trim();
}
