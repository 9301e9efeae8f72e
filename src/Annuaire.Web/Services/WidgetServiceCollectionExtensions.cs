using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Annuaire.Web.Services;

/// <summary>Registration of the embedding policy: bound once, validated at start, read by CORS, framing and rate limiting.</summary>
public static class WidgetServiceCollectionExtensions
{
    /// <summary>CORS policy of the API: the widget's allow-list.</summary>
    public const string CorsPolicy = "integrations";

    /// <summary>Binds <see cref="WidgetOptions"/>, validates it on start and derives the CORS policy from it.</summary>
    public static IServiceCollection AddWidgetOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WidgetOptions>().Bind(configuration.GetSection(WidgetOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WidgetOptions>, WidgetOptionsValidator>());
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<WidgetOptions>>((cors, widget) =>
            cors.AddPolicy(CorsPolicy, policy => policy.SetIsOriginAllowed(widget.Value.Allows).WithMethods("GET").AllowAnyHeader()));
        return services;
    }
}
