using Annuaire.Search.Highlighting;
using Microsoft.AspNetCore.Components;

namespace Annuaire.Web.Components;

/// <summary>
/// Plain text with its matches in <c>&lt;mark&gt;</c>. Every run is added as text, so the renderer
/// encodes it: whatever the offer's text holds (&lt;script&gt;, &amp;, quotes) is shown as text, and
/// only <c>&lt;mark&gt;</c> is markup. A fragment rather than a component: a page of twenty cards
/// held some sixty such texts, each a component to create, render and diff.
/// </summary>
public static class MarkedFragment
{
    /// <summary>The text, with « … » before or after when it is cut there.</summary>
    public static RenderFragment Of(MarkedText text, bool cutBefore = false, bool cutAfter = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        return builder =>
        {
            if (cutBefore)
            {
                builder.AddContent(0, "… ");
            }

            foreach (var (run, marked) in text.Runs())
            {
                if (marked)
                {
                    builder.OpenElement(1, "mark");
                    builder.AddContent(2, run);
                    builder.CloseElement();
                }
                else
                {
                    builder.AddContent(3, run);
                }
            }

            if (cutAfter)
            {
                builder.AddContent(4, " …");
            }
        };
    }
}
