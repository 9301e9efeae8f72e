using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Annuaire.Web.Services;

/// <summary>The shared output cache: degraded (pages served uncached, the site keeps answering) while Redis fails.</summary>
public sealed class OutputCacheHealthCheck(OutputCacheBackend backend) : IHealthCheck
{
    /// <summary>Name of the check.</summary>
    public const string Name = "cache";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(backend.Problem is { } problem
            ? HealthCheckResult.Degraded(problem)
            : HealthCheckResult.Healthy($"Cache de sortie : {backend.Name}."));
}
