using Microsoft.Extensions.Options;

namespace Annuaire.Web.Services;

/// <summary>
/// Refuses, at start-up, embedding origins that could never match a browser's <c>Origin</c>
/// header (a path, a typo, a missing scheme): a silent mismatch would block an intranet's widget.
/// </summary>
public sealed class WidgetOptionsValidator : IValidateOptions<WidgetOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, WidgetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.AllowedOrigins
            .Where(o => o != "*" && !IsOrigin(o))
            .Select(o => $"{WidgetOptions.Section}:AllowedOrigins : « {o} » n'est pas une origine (attendu : https://hote[:port], sans chemin, ou * pour tous).")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo)
        && !value.TrimEnd('/').EndsWith('/');
}
