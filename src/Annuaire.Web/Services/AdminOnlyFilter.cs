using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Annuaire.Web.Services;

/// <summary>Answers 404 to clients that <see cref="AdminAccess"/> does not allow, before the page runs.</summary>
public sealed class AdminOnlyFilter : IPageFilter
{
    /// <inheritdoc />
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    /// <inheritdoc />
    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.HttpContext.RequestServices.GetRequiredService<AdminAccess>().Allows(context.HttpContext))
        {
            context.Result = new NotFoundResult();
        }
    }

    /// <inheritdoc />
    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
