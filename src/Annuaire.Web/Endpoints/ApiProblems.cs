using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Annuaire.Web.Endpoints;

/// <summary>
/// The API's errors: RFC 9457 problem details (<c>application/problem+json</c>) with a French
/// title and detail, whatever produced the status (handler, routing, rate limiter, middleware).
/// </summary>
public static class ApiProblems
{
    /// <summary>Path prefix of the JSON API (versioned and unversioned alike).</summary>
    public const string PathPrefix = "/api";

    /// <summary>Whether <paramref name="context"/> is an API request, answered with problem details on error.</summary>
    public static bool IsApiRequest(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A problem with the French wording of <paramref name="statusCode"/>, or a specific <paramref name="detail"/>.</summary>
    public static ProblemHttpResult Problem(int statusCode, string? detail = null, string? title = null)
    {
        var (defaultTitle, defaultDetail) = Wording(statusCode);
        return TypedResults.Problem(detail: detail ?? defaultDetail, statusCode: statusCode, title: title ?? defaultTitle);
    }

    /// <summary>Writes a problem response (headers not yet sent).</summary>
    public static Task WriteAsync(HttpContext context, int statusCode, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Problem(statusCode, detail).ExecuteAsync(context);
    }

    /// <summary>French title and default detail of a status code.</summary>
    public static (string Title, string Detail) Wording(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => ("Requête invalide", "Les paramètres de la requête ne peuvent pas être lus : vérifiez-les et réessayez."),
        StatusCodes.Status404NotFound => ("Ressource introuvable", "Cette adresse ne correspond à aucune ressource de l'API ; la documentation est sur /api/documentation/."),
        StatusCodes.Status405MethodNotAllowed => ("Méthode non autorisée", "L'API est en lecture seule : seules les requêtes GET sont acceptées."),
        StatusCodes.Status406NotAcceptable => ("Format non disponible", "L'API ne répond qu'en JSON."),
        StatusCodes.Status414RequestUriTooLong or StatusCodes.Status431RequestHeaderFieldsTooLarge => ("Requête trop longue", "Raccourcissez la requête."),
        StatusCodes.Status429TooManyRequests => ("Trop de requêtes", "Trop de requêtes : merci de patienter une minute avant de réessayer."),
        StatusCodes.Status503ServiceUnavailable => ("Service indisponible", "Le service est momentanément indisponible : réessayez dans quelques secondes."),
        >= 500 => ("Erreur interne", "Une erreur inattendue est survenue ; elle a été enregistrée. Réessayez plus tard."),
        _ => ("Requête refusée", ReasonPhrases.GetReasonPhrase(statusCode) is { Length: > 0 } reason ? $"La requête a été refusée ({statusCode} {reason})." : $"La requête a été refusée ({statusCode})."),
    };
}
