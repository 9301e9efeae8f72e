namespace Annuaire.Web.Endpoints;

/// <summary>
/// Under <c>/api</c>, turns every bodiless error status (unknown route, wrong method, binding
/// failure, rate limiting) and every unhandled exception into problem details, instead of the
/// site's French HTML error pages.
/// </summary>
public sealed partial class ApiProblemDetailsMiddleware(RequestDelegate next, ILogger<ApiProblemDetailsMiddleware> logger)
{
    /// <summary>Runs the rest of the pipeline and completes error responses.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!ApiProblems.IsApiRequest(context))
        {
            await next(context);
            return;
        }

        // The HTML status pages of the site do not apply to JSON clients.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogUnhandled(logger, ex, context.Request.Path.Value ?? string.Empty);
            context.Response.Clear();
            await ApiProblems.WriteAsync(context, StatusCodes.Status500InternalServerError);
            return;
        }

        if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentLength is null or 0 && string.IsNullOrEmpty(context.Response.ContentType))
        {
            await ApiProblems.WriteAsync(context, context.Response.StatusCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Erreur non gérée sur {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
