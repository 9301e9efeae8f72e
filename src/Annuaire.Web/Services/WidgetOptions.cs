namespace Annuaire.Web.Services;

/// <summary>Embedding policy (section <c>Annuaire:Widget</c>).</summary>
public sealed class WidgetOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Annuaire:Widget";

    /// <summary>
    /// Origins allowed to frame the widget and call the API from a browser (e.g.
    /// <c>https://intranet.loiret.example.org</c>). <c>*</c> allows everyone and must be explicit.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Whether <paramref name="origin"/> may embed the widget.</summary>
    public bool Allows(string? origin) =>
        !string.IsNullOrEmpty(origin) && AllowedOrigins.Any(o => o == "*" || string.Equals(o.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));

    /// <summary>The frame-ancestors source list for widget responses.</summary>
    public string FrameAncestors => AllowedOrigins.Contains("*") ? "*" : string.Join(' ', AllowedOrigins.Prepend("'self'").Select(o => o.TrimEnd('/')));
}
