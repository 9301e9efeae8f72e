using System.Net;
using Annuaire.Web.Endpoints.Contracts;

namespace Annuaire.Web.Endpoints;

/// <summary>
/// Adapter from the engine's highlighted text (HTML-encoded, matches in &lt;mark&gt;) to plain
/// text with ranges, for JSON clients. The only place that reads that HTML: it goes away when the
/// engine returns match spans.
/// </summary>
internal static class MarkedHtml
{
    private const string Open = "<mark>";
    private const string Close = "</mark>";

    /// <summary>Decodes <paramref name="html"/> and turns each &lt;mark&gt; element into a range of the decoded text.</summary>
    public static HighlightedText ToHighlightedText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = new System.Text.StringBuilder(html.Length);
        var ranges = new List<HighlightRange>();
        var at = 0;
        while (at < html.Length)
        {
            var open = html.IndexOf(Open, at, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            var close = html.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
            if (close < 0)
            {
                break;
            }

            text.Append(WebUtility.HtmlDecode(html[at..open]));
            var marked = WebUtility.HtmlDecode(html[(open + Open.Length)..close]);
            ranges.Add(new HighlightRange(text.Length, marked.Length));
            text.Append(marked);
            at = close + Close.Length;
        }

        text.Append(WebUtility.HtmlDecode(html[at..]));
        return new HighlightedText(text.ToString(), ranges);
    }
}
