using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Annuaire.Content;
using Annuaire.Content.Parsing;
using Annuaire.Content.Referentials;
using Annuaire.Search;
using Annuaire.Search.Indexing;
using Annuaire.Search.Highlighting;
using Annuaire.Search.Querying;
using Annuaire.Web.Services;

namespace Annuaire.Cli.Commands;

/// <summary><c>annuaire search "texte" [filtres] [--json]</c>: the engine from the command line.</summary>
internal static class SearchCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create(CliConsole console)
    {
        var text = new Argument<string>("texte") { Description = "Texte recherché (peut être vide : \"\").", DefaultValueFactory = _ => string.Empty };
        var thematique = new Option<string[]>("--thematique") { Description = "Thématique ou famille (répétable).", AllowMultipleArgumentsPerToken = true };
        var publics = new Option<string[]>("--public") { Description = "Public (répétable).", AllowMultipleArgumentsPerToken = true };
        var porteur = new Option<string[]>("--porteur") { Description = "Porteur (répétable).", AllowMultipleArgumentsPerToken = true };
        var territoire = new Option<string?>("--territoire") { Description = "Code de commune, de département, SIREN d'EPCI ou nom de commune." };
        var size = new Option<int>("--taille") { Description = "Nombre de résultats.", DefaultValueFactory = _ => 10 };
        var format = CliOptions.Format("Sortie : text, ou json (contrat stable : total, résultats avec id, titre, score, extrait, facettes).", "text", "json");
        var json = new Option<bool>("--json") { Hidden = true };
        var content = CliOptions.Content();
        var index = new Option<string?>("--index") { Description = "Dossier écrit par « annuaire index » : la version en service y est cherchée, avec ses propres référentiels." };

        var command = new Command("search", "Cherche des offres comme le site.") { text, thematique, publics, porteur, territoire, size, format, json, content, index };
        command.SetAction(result =>
        {
            using var engine = new OfferSearchEngine(console.Clock);
            if (result.GetValue(index) is { } indexPath)
            {
                var store = new IndexVersionStore(indexPath);
                var version = store.Open(store.ReadManifest());
                engine.LoadIndex(version.IndexPath, ReferentialLoader.Load(version.Folder, []));
            }
            else
            {
                engine.Rebuild(ContentLoader.Load(result.GetValue(content)!, ValidationOptions.ForToday(console.Clock)));
            }

            var response = engine.Search(new SearchRequest
            {
                Text = result.GetValue(text),
                Territoire = result.GetValue(territoire),
                PageSize = result.GetValue(size),
            }.With(FacetDimension.Thematique, result.GetValue(thematique) ?? [])
             .With(FacetDimension.Public, result.GetValue(publics) ?? [])
             .With(FacetDimension.Porteur, result.GetValue(porteur) ?? []));
            if (result.GetValue(format) == "json" || result.GetValue(json))
            {
                console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    total = response.Total,
                    results = response.Hits.Select(h => new { id = h.Offer.Id, titre = h.Offer.Titre, score = h.Score, snippet = h.Snippet is { } s ? new { text = s.Passage.Text, cutBefore = s.CutBefore, cutAfter = s.CutAfter, highlights = s.Passage.Marks.Select(m => new { start = m.Start, length = m.Length }) } : null }),
                    facets = response.Facets.ToDictionary(f => f.Key.ToString().ToLowerInvariant(), f => f.Value.Select(v => new { value = v.Value, count = v.Count, selected = v.Selected })),
                    notices = response.Notices.Select(n => NoticeWording.Of(n, engine.Referentials?.Territories)),
                    spelling = response.Spelling,
                    elapsedMicroseconds = response.ElapsedMicroseconds,
                }, Json));
                return ExitCodes.Ok;
            }

            foreach (var notice in response.Notices)
            {
                console.Out.WriteLine($"ℹ {NoticeWording.Of(notice, engine.Referentials?.Territories)}");
            }

            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{response.Total} offre(s) ({response.ElapsedMicroseconds} µs)"));
            foreach (var hit in response.Hits)
            {
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {hit.Score,6:0.00}  {hit.Offer.Id}  —  {Bracketed(hit.Titre)}"));
                if (hit.Snippet is { } snippet)
                {
                    var passage = Bracketed(snippet.Passage).ReplaceLineEndings(" ");
                    console.Out.WriteLine($"          {(snippet.CutBefore ? "… " : string.Empty)}{passage}{(snippet.CutAfter ? " …" : string.Empty)}");
                }
            }

            if (response.Spelling is { } spelling)
            {
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Essayez : {spelling.Text} ({spelling.Count} offre(s))"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The text with each match between brackets: « aide au [permis] ».</summary>
    private static string Bracketed(MarkedText text) => string.Concat(text.Runs().Select(r => r.Marked ? $"[{r.Run}]" : r.Run));
}
