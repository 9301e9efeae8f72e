using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Annuaire.Web.Tests;

/// <summary>
/// Runs the validations the site runs as it starts (options registered with <c>ValidateOnStart</c>)
/// on the services one registration adds, with the given settings. A site that fails to start is
/// not asked through <c>WebApplicationFactory</c>: what it reports then depends on a race (the host
/// may be disposed before the factory reads it, and an <see cref="ObjectDisposedException"/>
/// replaces the validation error; dotnet/aspnetcore#33494).
/// </summary>
internal static class StartupValidation
{
    /// <summary>Throws what the site's start would throw (<see cref="OptionsValidationException"/>), or nothing.</summary>
    public static void Run(Action<IServiceCollection, IConfiguration> register, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        var services = new ServiceCollection();
        register(services, configuration);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }
}
