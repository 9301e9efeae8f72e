namespace Annuaire.Web.Services;

/// <summary>Registration of what the public-service pages (accessibility, legal notice, personal data) need.</summary>
public static class PublicPagesServiceCollectionExtensions
{
    /// <summary>Binds <see cref="PublisherOptions"/>, validated at start.</summary>
    public static IServiceCollection AddPublicPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublisherOptions>().Bind(configuration.GetSection(PublisherOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
