using Annuaire.Search;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Annuaire.Web.Services;

/// <summary>
/// Readiness of the directory: unhealthy without an index; degraded after a failed load or save
/// (for a replica: a published version refused), or when a change of the content has waited too
/// long for its reload (the index is stale); healthy otherwise. Descriptions are French and carry no server path.
/// </summary>
public sealed class CatalogHealthCheck(OfferSearchEngine engine, ICatalogSource host) : IHealthCheck
{
    /// <summary>Name of the check, also the tag of the readiness endpoint.</summary>
    public const string Name = "catalogue";

    /// <summary>A change not reloaded after this long means the served index is stale.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = engine.Status;
        var data = new Dictionary<string, object> { ["offres"] = status?.OfferCount ?? 0, ["generation"] = status?.Generation ?? 0 };
        HealthCheckResult result;
        if (status is null)
        {
            result = HealthCheckResult.Unhealthy("Aucun index en service.", data: data);
        }
        else if ((host.LastError ?? host.SaveError) is { } problem)
        {
            result = HealthCheckResult.Degraded(problem, data: data);
        }
        else if (host.ChangePendingFor is { } waiting && waiting > StaleAfter)
        {
            result = HealthCheckResult.Degraded($"Index périmé : une modification du contenu attend depuis {Math.Round(waiting.TotalMinutes)} min.", data: data);
        }
        else
        {
            result = HealthCheckResult.Healthy($"{status.OfferCount} offres en service.", data);
        }

        return Task.FromResult(result);
    }
}
