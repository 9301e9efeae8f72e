using Annuaire.Web.Endpoints;
using Microsoft.Extensions.Options;

namespace Annuaire.Web.Services;

/// <summary>
/// First line of every request: strict security headers on every response; only GET and HEAD
/// (and CORS preflights to the API) go further, anything else gets 405 here; absurd query strings get 400;
/// when the public address is https, plain http requests are redirected to it.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<WidgetOptions> widget, IOptions<AnnuaireOptions> options)
{
    /// <summary>Longest query string accepted (a search fits in far less).</summary>
    public const int MaxQueryStringLength = 4096;

    /// <summary>The Content-Security-Policy of the site (no inline script or style).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>
    /// The policy of the API page only: its inline script runs under a per-response nonce and the
    /// styles it injects are allowed. Every other page keeps <see cref="ContentSecurityPolicy"/>.
    /// </summary>
    public static string ApiReferencePolicy(string? nonce) =>
        ContentSecurityPolicy
            .Replace("script-src 'self'", nonce is null ? "script-src 'self'" : $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal)
            .Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal);

    /// <summary>Adds the headers, then answers 405, 400 or a redirection, or passes the request on.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var headers = context.Response.Headers;
        // Only the widget may be framed by other sites, and only by the configured origins.
        headers.ContentSecurityPolicy = request.Path.StartsWithSegments("/widget", StringComparison.OrdinalIgnoreCase)
            ? ContentSecurityPolicy.Replace("frame-ancestors 'self'", "frame-ancestors " + widget.Value.FrameAncestors, StringComparison.Ordinal)
            : ContentSecurityPolicy;
        if (context.Request.Path.StartsWithSegments(ApiReference.PathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            // The API page's nonce is only known once Scalar has rendered it.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.ContentSecurityPolicy = ApiReferencePolicy(ApiReference.NonceOf(context));
                return Task.CompletedTask;
            });
        }

        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";

        // The site only reads: no page or endpoint takes a body. TRACE, POST… stop here, before any page runs.
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !IsCorsPreflight(request))
        {
            headers.Allow = "GET, HEAD";
            await Answer(context, StatusCodes.Status405MethodNotAllowed, "Méthode non autorisée : l'annuaire se consulte en lecture seule (GET).");
            return;
        }

        if (request.QueryString.Value?.Length > MaxQueryStringLength)
        {
            await Answer(context, StatusCodes.Status400BadRequest, "Recherche trop longue : raccourcissez votre texte ou retirez des filtres.");
            return;
        }

        var publicUrl = options.Value;
        if (publicUrl.IsPublicHttps && !request.IsHttps && !request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase))
        {
            // To the configured address, never to the Host header.
            context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
            headers.Location = publicUrl.PublicOrigin + request.PathBase + request.Path + request.QueryString;
            return;
        }

        await next(context);
    }

    /// <summary>A browser asking whether it may call the API from another origin (answered by the CORS policy).</summary>
    private static bool IsCorsPreflight(HttpRequest request) =>
        HttpMethods.IsOptions(request.Method) && request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && request.Headers.Origin.Count > 0 && request.Headers.AccessControlRequestMethod.Count > 0;

    private static async Task Answer(HttpContext context, int status, string message)
    {
        if (ApiProblems.IsApiRequest(context))
        {
            await ApiProblems.WriteAsync(context, status, message); // The API answers problem details, even here.
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message);
    }
}
