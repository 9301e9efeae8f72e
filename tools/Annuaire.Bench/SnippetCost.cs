using System.Globalization;
using System.Text;
using Annuaire.Bench.Realistic;
using Annuaire.Content;
using Annuaire.Content.Parsing;
using Annuaire.Search;
using Annuaire.Search.Querying;

namespace Annuaire.Bench;

/// <summary>
/// What a highlighted snippet costs as the body grows: two offers, with bodies of 2 KB and
/// 200 KB of realistic text, each holding one word found nowhere else (in the middle and near the
/// end), among a realistic catalogue. The same one-hit query is timed with and without snippets.
/// </summary>
internal static class SnippetCost
{
    private static readonly (string Word, int Length)[] Cases = [("ornithorynque", 2_000), ("quetzalcoatl", 200_000)];

    public static void Run(ContentCatalog source, int size, int rounds)
    {
        using var content = GeneratedContent.Write(source, size, keepAt: null, seed: 11);
        var catalog = ContentLoader.Load(content.Folder, ValidationOptions.ForToday(TimeProvider.System));
        var text = new StringBuilder();
        foreach (var offer in catalog.Offers)
        {
            text.Append(offer.Body).Append("\n\n");
            if (text.Length > Cases.Max(c => c.Length))
            {
                break;
            }
        }

        var model = catalog.Offers[0];
        var offers = catalog.Offers.ToList();
        foreach (var (word, length) in Cases)
        {
            var body = text.ToString(0, length);
            body = $"{body[..(length / 2)]} {word} {body[(length / 2)..(length - 200)]} {word} {body[(length - 200)..]}";
            offers.Add(model with { Id = "extrait-" + word, SourcePath = $"offres/gen/extrait-{word}.md", Body = body, Titre = "Offre de mesure des extraits" });
        }

        using var engine = new OfferSearchEngine(TimeProvider.System);
        engine.Rebuild(catalog with { Offers = [.. offers.OrderBy(o => o.Id, StringComparer.Ordinal)] });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# Coût des extraits — {DateTime.UtcNow:yyyy-MM-dd} UTC, {catalog.Offers.Count:N0} offres réalistes + 2 offres mesurées, {rounds} recherches par cas (une seule offre trouvée)"));
        Console.WriteLine();
        Console.WriteLine("| corps de l'offre trouvée | p50 avec extrait (ms) | p95 avec extrait (ms) | p50 sans extrait (ms) | coût de l'extrait p50 (ms) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (var (word, length) in Cases)
        {
            var with = new SearchRequest { Text = word };
            var without = with with { Highlight = false };
            for (var w = 0; w < 50; w++)
            {
                engine.Search(with);
                engine.Search(without);
            }

            var highlighted = LatencyRun.Measure(rounds, _ => engine.Search(with).Total, 1);
            var plain = LatencyRun.Measure(rounds, _ => engine.Search(without).Total, 1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {length / 1000} Ko | {highlighted.P(0.5):0.000} | {highlighted.P(0.95):0.000} | {plain.P(0.5):0.000} | {highlighted.P(0.5) - plain.P(0.5):0.000} |"));
            if (highlighted.MeanHits != 1)
            {
                Console.WriteLine($"Attention : « {word} » a trouvé {highlighted.MeanHits} offres au lieu d'une.");
            }
        }
    }
}
