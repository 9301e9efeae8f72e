using Annuaire.Content.Referentials;
using Annuaire.Search;
using Annuaire.Web.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Annuaire.Web.Pages;

/// <summary>The configurator: a webmaster picks presets, sees a preview and copies the snippet.</summary>
public sealed class IntegrerModel(OfferSearchEngine engine, IOptions<AnnuaireOptions> options) : PageModel
{
    /// <summary>Territory preset (code or commune name).</summary>
    public string? Territoire { get; private set; }

    /// <summary>Thématique family preset.</summary>
    public string? Thematique { get; private set; }

    /// <summary>Public preset.</summary>
    public string? Public { get; private set; }

    /// <summary>Results per page.</summary>
    public int Taille { get; private set; } = 5;

    /// <summary>Whether the visitor may choose thématiques.</summary>
    public bool Filtres { get; private set; }

    /// <summary>Referentials for the selects.</summary>
    public ReferentialSet? Referentials => engine.Referentials;

    /// <summary>The widget's query string.</summary>
    public string WidgetQuery { get; private set; } = string.Empty;

    /// <summary>This site's public origin (<c>Annuaire:PublicUrl</c>, never the Host header), for the snippets.</summary>
    public string Origin => options.Value.PublicOrigin;

    /// <summary>Reads the chosen presets.</summary>
    public void OnGet(string? territoire, string? thematique, string? @public, int? taille, string? filtres)
    {
        Territoire = string.IsNullOrWhiteSpace(territoire) ? null : territoire.Trim();
        Thematique = string.IsNullOrWhiteSpace(thematique) ? null : thematique;
        Public = string.IsNullOrWhiteSpace(@public) ? null : @public;
        Taille = Math.Clamp(taille ?? 5, 1, 20);
        Filtres = filtres == "oui";
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                pairs.Add(new(key, value));
            }
        }

        Add("territoire", Territoire);
        Add("thematique", Thematique);
        Add("public", Public);
        Add("taille", Taille.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("filtres", Filtres ? "oui" : null);
        WidgetQuery = Microsoft.AspNetCore.Http.QueryString.Create(pairs).ToString();
    }

    /// <summary>The one-line script embed.</summary>
    public string ScriptSnippet =>
        $"<script src=\"{Origin}/widget.js\"{Attribute("territoire", Territoire)}{Attribute("thematique", Thematique)}{Attribute("public", Public)} data-taille=\"{Taille}\"{(Filtres ? " data-filtres=\"oui\"" : string.Empty)} async></script>";

    /// <summary>The plain iframe embed, for intranets that forbid scripts.</summary>
    public string IframeSnippet =>
        $"<iframe src=\"{Origin}/widget{WidgetQuery}\" title=\"Recherche dans l'annuaire des offres de service\" style=\"width:100%;min-width:300px;height:600px;border:0\" loading=\"lazy\"></iframe>";

    private static string Attribute(string name, string? value) =>
        value is null ? string.Empty : $" data-{name}=\"{System.Net.WebUtility.HtmlEncode(value)}\"";
}
