using Scalar.AspNetCore;

namespace Annuaire.Web.Endpoints;

/// <summary>The readable API page (Scalar), served from this site with no third-party call.</summary>
public static class ApiReference
{
    /// <summary>Where the page lives; its own Content-Security-Policy applies under this path only.</summary>
    public const string PathPrefix = "/api/documentation";

    /// <summary>Maps the page at <see cref="PathPrefix"/> (the OpenAPI document stays at /openapi/v1.json).</summary>
    public static IEndpointConventionBuilder MapApiReference(this IEndpointRouteBuilder app) =>
        app.MapScalarApiReference(PathPrefix, options => options
            .WithTitle("API de l'Annuaire des offres de service")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .WithLocalization(new ScalarLocalizationOptions { Locale = "fr" })
            // A fresh nonce per response: the page's one inline script runs, no other inline script does.
            .WithNonce()
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideClientButton()
            .HideDeveloperTools())
        .ExcludeFromDescription();

    /// <summary>The nonce Scalar put on this response's script tags, or null.</summary>
    public static string? NonceOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) ? nonce as string : null;
    }
}
