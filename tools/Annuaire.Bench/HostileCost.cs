using System.Diagnostics;
using System.Globalization;
using Annuaire.Content;
using Annuaire.Search;
using Annuaire.Search.Querying;

namespace Annuaire.Bench;

/// <summary>
/// What the most expensive request the site accepts costs against an ordinary one, in the same
/// run on the same index (issue « hostile traffic »: the goal is ≤ 5×): 22 unknown 8-letter
/// words joined by dots and 7 filters, against « aide permis ».
/// </summary>
internal static class HostileCost
{
    private static readonly string[] MadeUp = ["brulvexa", "quintrop", "zarpelin", "vostrike", "melunaxe", "grodivin", "paltrequ", "sornivex", "tuckarel", "wimbraxo", "fendoluq",
        "jasperix", "klovimar", "nuttaver", "ropelaxi", "stavinor", "yuberlik", "drombaxe", "huvelint", "lorquimb", "pesnavor", "trivolax"];

    public static void Run(ContentCatalog source, int size, int rounds)
    {
        var catalog = new CorpusGenerator(source, seed: 42).Generate(size);
        using var engine = new OfferSearchEngine(TimeProvider.System);
        engine.Rebuild(catalog);
        var filters = new SearchRequest { Territoire = "45" }
            .With(FacetDimension.Thematique, "mobilite", "logement-hebergement")
            .With(FacetDimension.Public, "jeunes")
            .With(FacetDimension.Type, "accompagnement")
            .With(FacetDimension.Porteur, "cd45")
            .With(FacetDimension.ModeAccueil, "en-presentiel")
            .With(FacetDimension.Frais, "gratuit");
        var cases = new (string Name, SearchRequest Request)[]
        {
            ("« aide permis » (référence)", new SearchRequest { Text = "aide permis" }),
            ("22 mots inconnus joints par des points", new SearchRequest { Text = string.Join('.', MadeUp) }),
            ("les mêmes + 7 filtres", filters with { Text = string.Join('.', MadeUp) }),
            ("« aide permis » + 7 filtres", filters with { Text = "aide permis" }),
        };
        foreach (var (_, request) in cases)
        {
            for (var i = 0; i < 50; i++)
            {
                engine.Search(request);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# Requêtes coûteuses — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cœurs, {size:N0} offres, {rounds} répétitions, charge au départ {Comparison.LoadAverage()}"));
        Console.WriteLine("| requête | p50 (ms) | p95 (ms) | rapport p50 / référence | mots | mots tolérants | passes |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        double? reference = null;
        foreach (var (name, request) in cases)
        {
            var times = new double[rounds];
            SearchResponse? last = null;
            for (var i = 0; i < rounds; i++)
            {
                var start = Stopwatch.GetTimestamp();
                last = engine.Search(request);
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            Array.Sort(times);
            var p50 = times[rounds / 2];
            reference ??= p50;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {p50:0.00} | {times[(int)(rounds * 0.95)]:0.00} | ×{p50 / reference.Value:0.0} | {last!.Cost.Words} | {last.Cost.FuzzyWords} | {last.Cost.Passes} |"));
        }
    }
}
