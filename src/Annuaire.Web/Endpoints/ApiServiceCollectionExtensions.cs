using Microsoft.OpenApi;

namespace Annuaire.Web.Endpoints;

/// <summary>Registrations of the JSON API: OpenAPI document and problem details.</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>Adds the OpenAPI document <c>v1</c> and French problem details.</summary>
    public static IServiceCollection AddAnnuaireApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "API de l'Annuaire des offres de service",
                Version = "v1",
                Description = "Recherche et lecture des offres de service des Départements et de France Travail, en lecture seule. "
                    + "Les chemins /api/… sans version restent servis comme alias de /api/v1/…. "
                    + "Les erreurs sont au format application/problem+json (RFC 9457), avec un titre et un détail en français. "
                    + "Les extraits sont en texte brut ; les passages trouvés sont donnés par leurs positions (unités UTF-16).",
            };
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>Answers API errors with problem details (to place after the site's error pages, before routing).</summary>
    public static IApplicationBuilder UseApiProblemDetails(this IApplicationBuilder app) =>
        app.UseMiddleware<ApiProblemDetailsMiddleware>();
}
