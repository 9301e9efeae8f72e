using System.Diagnostics;
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
/// end), among a realistic catalogue. The same one-hit query is timed with and without snippets;
/// the last row is the ratio of the 200 KB body to the 2 KB one, measured in the same run.
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
            $"# Coût des extraits — {DateTime.UtcNow:yyyy-MM-dd} UTC, {Environment.ProcessorCount} cœurs, {catalog.Offers.Count:N0} offres réalistes + 2 offres mesurées, {rounds} recherches par cas, cas alternés (une seule offre trouvée)"));
        Console.WriteLine();
        Console.WriteLine("| corps de l'offre trouvée | p50 avec extrait (ms) | p95 avec extrait (ms) | p50 sans extrait (ms) | coût de l'extrait p50 (ms) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");

        // The four searches (two bodies, with and without snippet) alternate round by round, so
        // that both bodies see the same machine load; the ratio row compares them in this run.
        var requests = Cases.SelectMany(c => new[] { new SearchRequest { Text = c.Word }, new SearchRequest { Text = c.Word, Highlight = false } }).ToArray();
        var latencies = requests.Select(_ => new double[rounds]).ToArray();
        var hits = new int[requests.Length];
        for (var round = -50; round < rounds; round++)
        {
            for (var r = 0; r < requests.Length; r++)
            {
                var start = Stopwatch.GetTimestamp();
                var response = engine.Search(requests[r]);
                if (round >= 0)
                {
                    latencies[r][round] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    hits[r] += response.Total;
                }
            }
        }

        foreach (var l in latencies)
        {
            Array.Sort(l);
        }

        double P(int r, double q) => latencies[r][Math.Min(rounds - 1, (int)(q * rounds))];
        for (var c = 0; c < Cases.Length; c++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {Cases[c].Length / 1000} Ko | {P(2 * c, 0.5):0.000} | {P(2 * c, 0.95):0.000} | {P((2 * c) + 1, 0.5):0.000} | {P(2 * c, 0.5) - P((2 * c) + 1, 0.5):0.000} |"));
            if (hits[2 * c] != rounds)
            {
                Console.WriteLine($"Attention : « {Cases[c].Word} » a trouvé {(double)hits[2 * c] / rounds} offres au lieu d'une.");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| **200 Ko / 2 Ko** | **× {P(2, 0.5) / P(0, 0.5):0.00}** | × {P(2, 0.95) / P(0, 0.95):0.00} | × {P(3, 0.5) / P(1, 0.5):0.00} | |"));
    }
}
