using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Annuaire.Content.Model;
using Annuaire.Content.Parsing;
using Annuaire.Search;
using Annuaire.Web.Services;
using Microsoft.Extensions.Options;

namespace Annuaire.Web.Endpoints;

/// <summary>JSON API (see <see cref="OffersApi"/>), its documentation page, health, OpenSearch and sitemap.</summary>
public static class AnnuaireApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapAnnuaireApi(this IEndpointRouteBuilder app)
    {
        app.MapOffersApi();
        app.MapApiReference();

        app.MapGet("/healthz", (OfferSearchEngine engine, ICatalogSource host, OutputCacheBackend cache, TimeProvider clock) =>
        {
            var status = engine.Status;
            var healthy = status is not null && host.LastError is null && host.SaveError is null && cache.Problem is null;
            return Results.Json(new
            {
                status = status is null ? "indisponible" : healthy ? "ok" : "dégradé",
                mode = host.Mode == AnnuaireMode.Replica ? "replica" : "standalone",
                indexVersion = host.IndexVersion,
                cache = cache.Name,
                cacheError = cache.Problem,
                offers = status?.OfferCount ?? 0,
                generation = status?.Generation ?? 0,
                indexAgeSeconds = status is null ? (double?)null : Math.Round((clock.GetUtcNow() - status.BuiltAt).TotalSeconds),
                errors = host.Diagnostics.Count(d => d.IsError),
                lastError = host.LastError,
                indexSaved = host.IndexSaved,
                startedFrom = host.StartupSource,
                saveError = host.SaveError,
            }, statusCode: status is null ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        }).ExcludeFromDescription();

        app.MapGet("/opensearch.xml", (IOptions<AnnuaireOptions> site) =>
        {
            var baseUrl = site.Value.PublicOrigin;
            XNamespace os = "http://a9.com/-/spec/opensearch/1.1/";
            var doc = new XDocument(new XElement(os + "OpenSearchDescription",
                new XElement(os + "ShortName", "Annuaire"),
                new XElement(os + "Description", "Annuaire des offres de service des Départements et de France Travail"),
                new XElement(os + "InputEncoding", "UTF-8"),
                new XElement(os + "Language", "fr-FR"),
                new XElement(os + "Url", new XAttribute("type", "text/html"), new XAttribute("template", $"{baseUrl}/recherche?q={{searchTerms}}")),
                new XElement(os + "Url", new XAttribute("type", "application/x-suggestions+json"), new XAttribute("template", $"{baseUrl}/api/suggest?q={{searchTerms}}"))));
            return Results.Text(doc.ToString(), "application/opensearchdescription+xml", Encoding.UTF8);
        }).ExcludeFromDescription();

        app.MapGet("/sitemap.xml", (OfferSearchEngine engine, IOptions<AnnuaireOptions> site, TimeProvider clock) =>
        {
            var baseUrl = site.Value.PublicOrigin;
            var today = FrenchClock.Today(clock);
            XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
            var urls = engine.All().Where(o => OfferVisibility.IsListed(o, today))
                .Select(o => new XElement(sm + "url", new XElement(sm + "loc", $"{baseUrl}/offres/{o.Id}"), new XElement(sm + "lastmod", o.DateMaj.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
            var doc = new XDocument(new XElement(sm + "urlset", new XElement(sm + "url", new XElement(sm + "loc", $"{baseUrl}/")), urls));
            return Results.Text(doc.ToString(), "application/xml", Encoding.UTF8);
        }).CacheOutput(AnnuaireServiceCollectionExtensions.CachePolicy).ExcludeFromDescription();

        return app;
    }
}
