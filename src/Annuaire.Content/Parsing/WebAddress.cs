namespace Annuaire.Content.Parsing;

/// <summary>
/// The one rule for web addresses in content and referentials: absolute, https, with a host and
/// without user information (<c>https://javascript:alert(1)@example.org/</c> shows one site and
/// opens another).
/// </summary>
internal static class WebAddress
{
    /// <summary>What is wrong with an address.</summary>
    public enum Problem
    {
        /// <summary>Nothing: the address may be published.</summary>
        None,

        /// <summary>Not an absolute http(s) address with a host.</summary>
        Invalid,

        /// <summary>http:// instead of https://.</summary>
        NotHttps,

        /// <summary>A user name or password before the host.</summary>
        UserInfo,
    }

    /// <summary>Checks <paramref name="text"/>; <paramref name="uri"/> is set when the address is usable.</summary>
    public static Problem Check(string text, out Uri? uri)
    {
        uri = null;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(parsed.Host))
        {
            return Problem.Invalid;
        }

        if (!string.IsNullOrEmpty(parsed.UserInfo))
        {
            return Problem.UserInfo;
        }

        if (parsed.Scheme != Uri.UriSchemeHttps)
        {
            return Problem.NotHttps;
        }

        uri = parsed;
        return Problem.None;
    }

    /// <summary>The French explanation of a problem, for a diagnostic about <paramref name="label"/>.</summary>
    public static string Explain(Problem problem, string label, string text) => problem switch
    {
        Problem.UserInfo => $"{label} : « {text} » contient un identifiant avant l'adresse du site (« …@ ») ; donnez l'adresse directe (exemple : https://www.example.org/page).",
        Problem.NotHttps => $"{label} : utilisez une adresse sécurisée en https:// (et non http://).",
        _ => $"{label} : « {text} » n'est pas une adresse web valide (exemple : https://www.example.org/page).",
    };
}
