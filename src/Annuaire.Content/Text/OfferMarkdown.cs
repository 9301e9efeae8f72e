using Markdig;
using Markdig.Syntax;

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

    /// <summary>Renders a body to HTML (raw HTML escaped; callers still sanitise the output).</summary>
    public static string ToHtml(string markdown) => Markdown.ToHtml(markdown, RenderPipeline);

    /// <summary>The body as plain text, for indexing and snippets.</summary>
    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, RenderPipeline).Trim();
}
