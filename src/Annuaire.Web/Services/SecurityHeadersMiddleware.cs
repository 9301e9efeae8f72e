using Annuaire.Web.Endpoints;

namespace Annuaire.Web.Services;

/// <summary>Strict security headers on every response, and a cap on absurd query strings.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, Microsoft.Extensions.Options.IOptions<WidgetOptions> widget)
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

    /// <summary>Adds the headers, or answers 400 to oversized query strings.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        // Only the widget may be framed by other sites, and only by the configured origins.
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/widget", StringComparison.OrdinalIgnoreCase)
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
        if (context.Request.QueryString.Value?.Length > MaxQueryStringLength)
        {
            const string tooLong = "Recherche trop longue : raccourcissez votre texte ou retirez des filtres.";
            if (ApiProblems.IsApiRequest(context))
            {
                await ApiProblems.WriteAsync(context, StatusCodes.Status400BadRequest, tooLong);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(tooLong);
            return;
        }

        await next(context);
    }
}
