using Annuaire.Content.Text;
using Ganss.Xss;

namespace Annuaire.Web.Services;

/// <summary>Renders offer bodies: Markdown without raw HTML, then sanitised (only http, https, mailto, tel links).</summary>
public sealed class SafeMarkdown
{
    private readonly HtmlSanitizer _sanitizer;

    /// <summary>Builds the sanitizer once.</summary>
    public SafeMarkdown()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in OfferMarkdown.SafeSchemes)
        {
            _sanitizer.AllowedSchemes.Add(scheme);
        }

        _sanitizer.AllowedTags.Remove("img");
        _sanitizer.AllowedAttributes.Remove("style");
        _sanitizer.AllowedAttributes.Remove("class");
        _sanitizer.PostProcessNode += (_, e) =>
        {
            // Links in offers open external sites: never give them access to this page.
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer");
            }
        };
    }

    /// <summary>Safe HTML for a Markdown body.</summary>
    public string ToHtml(string markdown)
    {
        // Offer headings start at h3: the page already has h1 (title) and h2 sections.
        var html = OfferMarkdown.ToHtml(markdown).Replace("<h2", "<h3", StringComparison.Ordinal).Replace("</h2>", "</h3>", StringComparison.Ordinal)
            .Replace("<h1", "<h3", StringComparison.Ordinal).Replace("</h1>", "</h3>", StringComparison.Ordinal);
        return _sanitizer.Sanitize(html);
    }
}
