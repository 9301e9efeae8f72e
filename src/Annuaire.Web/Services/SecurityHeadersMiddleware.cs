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

    /// <summary>Adds the headers, or answers 400 to oversized query strings.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        // Only the widget may be framed by other sites, and only by the configured origins.
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/widget", StringComparison.OrdinalIgnoreCase)
            ? ContentSecurityPolicy.Replace("frame-ancestors 'self'", "frame-ancestors " + widget.Value.FrameAncestors, StringComparison.Ordinal)
            : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (context.Request.QueryString.Value?.Length > MaxQueryStringLength)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Recherche trop longue : raccourcissez votre texte ou retirez des filtres.");
            return;
        }

        await next(context);
    }
}
