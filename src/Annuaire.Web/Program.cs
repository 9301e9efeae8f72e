using Annuaire.Web.Endpoints;
using Annuaire.Web.Services;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAnnuaire(builder.Configuration);

var app = builder.Build();
app.UseForwardedHeaders(); // Trusted proxies only (Annuaire:ReverseProxy): real client address and scheme.
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseExceptionHandler("/erreur"); // French error page, never a stack trace, in every environment.
if (app.Services.GetRequiredService<IOptions<AnnuaireOptions>>().Value.IsPublicHttps)
{
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/erreur/{0}");
app.UseApiProblemDetails(); // Under /api: problem details instead of the HTML error pages.
app.UseStaticFiles();
app.UseRouting();
app.UseCors();
app.UseRateLimiter();
app.UseOutputCache();
app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }); // The process answers.
app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(CatalogHealthCheck.Name) });
app.MapOpenApi();
app.MapAnnuaireApi();
app.MapRazorPages();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
