using Annuaire.Content.Exchange;
using Annuaire.Content.Parsing;
using Annuaire.Search;
using Annuaire.Search.Highlighting;
using Annuaire.Search.Querying;
using Annuaire.Web.Endpoints.Contracts;
using Annuaire.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Annuaire.Web.Endpoints;

/// <summary>
/// The public JSON API, under <c>/api/v1</c> and, as an alias kept for existing clients,
/// <c>/api</c>. Named handlers returning typed results, so the OpenAPI document describes
/// every response.
/// </summary>
public static class OffersApi
{
    /// <summary>The current version's prefix, documented in OpenAPI.</summary>
    public const string VersionedPrefix = "/api/v1";

    /// <summary>Maps the API under both prefixes.</summary>
    public static IEndpointRouteBuilder MapOffersApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Map(app.MapGroup(VersionedPrefix), namePrefix: string.Empty);
        // Same handlers, same answers; left out of the document so clients learn the versioned path.
        Map(app.MapGroup(ApiProblems.PathPrefix), namePrefix: "Alias").ExcludeFromDescription();
        return app;
    }

    private static RouteGroupBuilder Map(RouteGroupBuilder api, string namePrefix)
    {
        api.CacheOutput(AnnuaireServiceCollectionExtensions.CachePolicy)
            .RequireCors(AnnuaireServiceCollectionExtensions.CorsPolicy)
            .WithTags("Offres")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        api.MapGet("/offres", Search)
            .WithName(namePrefix + "RechercherOffres")
            .WithSummary("Recherche d'offres")
            .WithDescription("Mêmes paramètres que la page /recherche : q, thematique, public, type, porteur, accueil, frais (répétables), territoire, tri (pertinence, date, titre), page, taille (1 à 100).");
        api.MapGet("/offres/{id}", GetOffer)
            .WithName(namePrefix + "LireOffre")
            .WithSummary("Une offre complète")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/suggest", Suggest)
            .WithName(namePrefix + "Suggerer")
            .WithSummary("Autocomplétion : recherches et titres d'offres");
        api.MapGet("/export/data-inclusion/services.json", ExportDataInclusion)
            .WithName(namePrefix + "ExporterDataInclusion")
            .WithSummary("Services au schéma data·inclusion v1")
            .WithDescription("Un service par lieu d'accueil (voir docs/data-inclusion.md).")
            .Produces<IReadOnlyList<DataInclusionService>>();
        return api;
    }

    // Handlers carry plain comments: an XML summary would replace the French summary in OpenAPI.

    // GET /offres: a page of results, facets and help when nothing matched.
    internal static Ok<OfferSearchResult> Search(HttpRequest request, OfferSearchEngine engine)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(engine);
        var response = engine.Search(SearchParameters.Read(request.Query));
        var labels = new Labels(engine.Referentials);
        return TypedResults.Ok(new OfferSearchResult(
            response.Total,
            response.Page,
            response.PageCount,
            [.. response.Hits.Select(h => new OfferListItem(
                h.Offer.Id,
                h.Offer.Titre,
                h.Offer.Resume,
                labels.Porteur(h.Offer.Porteur),
                h.Offer.Thematiques,
                h.Offer.ZoneEligibilite,
                h.Offer.DateMaj,
                ApiValues.StatusKey(h.Offer.Statut),
                ApiValues.OfferUrl(h.Offer.Id),
                h.Snippet is null ? null : Highlighted(h.Snippet)))],
            response.Facets.ToDictionary(
                f => DimensionKey(f.Key),
                f => (IReadOnlyList<FacetCount>)[.. f.Value.Select(v => new FacetCount(v.Value, labels.Of(f.Key, v.Value), v.Count, v.Selected))]),
            response.Spelling is { } s ? new SpellingHint(s.Text, s.Count) : null,
            [.. response.Relaxations.Select(r => new FilterRelaxationHint(r.Dimension.Definition().Key, r.Values, r.Count))],
            [.. response.Notices.Select(labels.Notice)]));
    }

    // GET /offres/{id}: the whole offer, or 404.
    internal static Results<Ok<OfferDetail>, ProblemHttpResult> GetOffer(string id, OfferSearchEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return engine.Find(id) is { } offer
            ? TypedResults.Ok(OfferDetail.From(offer, new Labels(engine.Referentials).Porteur(offer.Porteur)))
            : ApiProblems.Problem(StatusCodes.Status404NotFound, $"Aucune offre n'a l'identifiant « {id} ».", "Offre introuvable");
    }

    // GET /suggest?q=: searches and offer titles starting with the words typed.
    internal static Ok<IReadOnlyList<SuggestionItem>> Suggest(string? q, OfferSearchEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return TypedResults.Ok<IReadOnlyList<SuggestionItem>>([.. engine.Suggest(q).Select(s =>
            new SuggestionItem(s.Text, s.OfferId, s.OfferId is null ? ApiValues.SearchUrl(s.Text) : ApiValues.OfferUrl(s.OfferId)))]);
    }

    // GET /export/data-inclusion/services.json: the published offers in the national schema.
    internal static JsonHttpResult<IReadOnlyList<DataInclusionService>> ExportDataInclusion(OfferSearchEngine engine, TimeProvider clock, IOptions<AnnuaireOptions> site)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(site);
        var baseUrl = site.Value.PublicOrigin; // Configured: the Host header is the client's to choose.
        return TypedResults.Json(
            DataInclusionExporter.Services(engine.All(), "annuaire", o => baseUrl + ApiValues.OfferUrl(o.Id), FrenchClock.Today(clock)),
            DataInclusionExporter.Json);
    }

    /// <summary>The engine's snippet as the contract's plain text: a cut shows as « … », the ranges move with it.</summary>
    private static HighlightedText Highlighted(BodySnippet snippet)
    {
        const string Ellipsis = "… ";
        var shift = snippet.CutBefore ? Ellipsis.Length : 0;
        var text = (snippet.CutBefore ? Ellipsis : string.Empty) + snippet.Passage.Text + (snippet.CutAfter ? " …" : string.Empty);
        return new HighlightedText(text, [.. snippet.Passage.Marks.Select(m => new HighlightRange(m.Start + shift, m.Length))]);
    }

    private static string DimensionKey(FacetDimension dimension) => dimension.ToString().ToLowerInvariant();
}
