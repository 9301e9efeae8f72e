using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Annuaire.Content.Exchange;
using Annuaire.Content.Model;
using Annuaire.Content.Parsing;
using Annuaire.Search;
using Annuaire.Web.Services;
using Microsoft.Extensions.Options;

namespace Annuaire.Web.Endpoints;

/// <summary>JSON API, health, OpenSearch, sitemap and data·inclusion export.</summary>
public static class AnnuaireApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapAnnuaireApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").CacheOutput(AnnuaireServiceCollectionExtensions.CachePolicy).RequireCors(AnnuaireServiceCollectionExtensions.CorsPolicy);

        api.MapGet("/offres", (HttpContext http, OfferSearchEngine engine) =>
        {
            var request = SearchParameters.Read(http.Request.Query);
            var response = engine.Search(request);
            var labels = new Labels(engine.Referentials);
            return Results.Ok(new
            {
                total = response.Total,
                page = response.Page,
                pageCount = response.PageCount,
                items = response.Hits.Select(h => new
                {
                    id = h.Offer.Id,
                    titre = h.Offer.Titre,
                    resume = h.Offer.Resume,
                    porteur = labels.Porteur(h.Offer.Porteur),
                    thematiques = h.Offer.Thematiques,
                    zone = h.Offer.ZoneEligibilite,
                    dateMaj = h.Offer.DateMaj.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    statut = h.Offer.Statut.ToString().ToLowerInvariant(),
                    url = $"/offres/{h.Offer.Id}",
                    snippet = h.SnippetHtml,
                }),
                facets = response.Facets.ToDictionary(
                    f => f.Key.ToString().ToLowerInvariant(),
                    f => f.Value.Select(v => new { value = v.Value, label = labels.Of(f.Key, v.Value), count = v.Count, selected = v.Selected })),
                spelling = response.Spelling is { } s ? new { text = s.Text, count = s.Count } : null,
                relaxations = response.Relaxations.Select(r => new { dimension = r.Dimension?.ToString().ToLowerInvariant() ?? "territoire", values = r.Values, count = r.Count }),
                notices = response.Notices,
            });
        }).WithName("RechercherOffres").WithSummary("Recherche d'offres (mêmes paramètres que la page /recherche).");

        api.MapGet("/offres/{id}", (string id, OfferSearchEngine engine) =>
            engine.Find(id) is { } offer
                ? Results.Ok(offer)
                : Results.Problem(title: "Offre introuvable", detail: $"Aucune offre n'a l'identifiant « {id} ».", statusCode: StatusCodes.Status404NotFound))
            .WithName("LireOffre").WithSummary("Une offre complète.");

        api.MapGet("/suggest", (string? q, OfferSearchEngine engine) =>
            Results.Ok(engine.Suggest(q).Select(s => new
            {
                text = s.Text,
                offerId = s.OfferId,
                url = s.OfferId is null ? $"/recherche?q={Uri.EscapeDataString(s.Text)}" : $"/offres/{s.OfferId}",
            })))
            .WithName("Suggerer").WithSummary("Autocomplétion : recherches et titres d'offres.");

        api.MapGet("/export/data-inclusion/services.json", (OfferSearchEngine engine, TimeProvider clock, IOptions<AnnuaireOptions> site) =>
        {
            var baseUrl = site.Value.PublicOrigin;
            return Results.Json(DataInclusionExporter.Services(engine.All(), "annuaire", o => $"{baseUrl}/offres/{o.Id}", FrenchClock.Today(clock)), DataInclusionExporter.Json);
        }).WithName("ExporterDataInclusion").WithSummary("Services au schéma data·inclusion v1.");

        app.MapGet("/healthz", (OfferSearchEngine engine, CatalogHost host, TimeProvider clock) =>
        {
            var status = engine.Status;
            var healthy = status is not null && host.LastError is null && host.SaveError is null;
            return Results.Json(new
            {
                status = status is null ? "indisponible" : healthy ? "ok" : "dégradé",
                offers = status?.OfferCount ?? 0,
                generation = status?.Generation ?? 0,
                indexAgeSeconds = status is null ? (double?)null : Math.Round((clock.GetUtcNow() - status.BuiltAt).TotalSeconds),
                errors = host.Diagnostics.Count(d => d.IsError),
                lastError = host.LastError,
                indexSaved = host.IndexPath is not null,
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

        app.MapGet("/sitemap.xml", (OfferSearchEngine engine, IOptions<AnnuaireOptions> site) =>
        {
            var baseUrl = site.Value.PublicOrigin;
            XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
            var urls = engine.All().Where(o => o.Statut != OfferStatus.Archive)
                .Select(o => new XElement(sm + "url", new XElement(sm + "loc", $"{baseUrl}/offres/{o.Id}"), new XElement(sm + "lastmod", o.DateMaj.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
            var doc = new XDocument(new XElement(sm + "urlset", new XElement(sm + "url", new XElement(sm + "loc", $"{baseUrl}/")), urls));
            return Results.Text(doc.ToString(), "application/xml", Encoding.UTF8);
        }).CacheOutput(AnnuaireServiceCollectionExtensions.CachePolicy).ExcludeFromDescription();

        return app;
    }
}
