using Annuaire.Web.Endpoints;
using Annuaire.Web.Services;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAnnuaire(builder.Configuration);

var app = builder.Build();
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseExceptionHandler("/erreur"); // French error page, never a stack trace, in every environment.
if (!app.Environment.IsDevelopment())
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
app.MapOpenApi();
app.MapAnnuaireApi();
app.MapRazorPages();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
