using System.Diagnostics;
using System.Globalization;
using Annuaire.Bench.Realistic;
using Annuaire.Content;
using Annuaire.Content.Parsing;
using Annuaire.Search;
using Annuaire.Search.Indexing;

namespace Annuaire.Bench;

/// <summary>
/// Where the engine's time goes, per kind of adviser query, on a realistic corpus kept in a folder
/// (written once, its index saved beside it and reused while the engine version is the same), so
/// that a change to the query side is measured in a minute instead of a full rebuild. Optionally
/// loops for a given time afterwards, for a profiler to attach (<c>dotnet-trace collect -p PID</c>).
/// </summary>
internal static class Profile
{
    public static void Run(ContentCatalog source, int size, int queryCount, int warmup, string folder, int loopSeconds)
    {
        var contentFolder = Path.Combine(folder, "content");
        var indexFolder = Path.Combine(folder, "index");
        if (!Directory.Exists(contentFolder))
        {
            GeneratedContent.Write(source, size, contentFolder).Dispose();
        }

        var start = Stopwatch.GetTimestamp();
        var catalog = ContentLoader.Load(contentFolder, ValidationOptions.ForToday(TimeProvider.System));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# Profil — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {catalog.Offers.Count:N0} offres, charge au départ {Comparison.LoadAverage()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chargement {Stopwatch.GetElapsedTime(start).TotalSeconds:0.0} s"));

        using var engine = new OfferSearchEngine(TimeProvider.System);
        start = Stopwatch.GetTimestamp();
        try
        {
            engine.LoadIndex(indexFolder, catalog.Referentials);
            engine.Apply(catalog);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"index enregistré relu en {Stopwatch.GetElapsedTime(start).TotalSeconds:0.0} s"));
        }
        catch (IndexUnusableException)
        {
            engine.Rebuild(catalog);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"index construit en {Stopwatch.GetElapsedTime(start).TotalSeconds:0.0} s"));
            engine.SaveIndex(indexFolder);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using (var process = Process.GetCurrentProcess())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"mémoire après chargement : tas géré {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:0} Mo, ensemble de travail {process.WorkingSet64 / 1048576.0:0} Mo"));
        }

        var queries = AdviserQueries.Build(catalog, queryCount, seed: 7);
        var requests = queries.Select(q => q.ToSearchRequest()).ToArray();
        foreach (var query in AdviserQueries.Build(catalog, warmup, seed: 1))
        {
            engine.Search(query.ToSearchRequest());
        }

        // First time each request is seen (typos expanded, terms looked up: the generation's caches
        // fill), as a new adviser query meets the engine; the table below is the second time.
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var firstTime = new double[requests.Length];
        for (var i = 0; i < requests.Length; i++)
        {
            var t = Stopwatch.GetTimestamp();
            engine.Search(requests[i]);
            firstTime[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }

        var allocatedKb = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1024.0 / requests.Length;
        Array.Sort(firstTime);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"première rencontre de chaque requête : p50 {firstTime[firstTime.Length / 2]:0.00} ms, p95 {firstTime[(int)(firstTime.Length * 0.95)]:0.00} ms (le tableau suivant : la deuxième)"));
        var latencies = new double[requests.Length];
        var totals = new int[requests.Length];
        var plain = new double[requests.Length];
        for (var i = 0; i < requests.Length; i++)
        {
            var t = Stopwatch.GetTimestamp();
            totals[i] = engine.Search(requests[i]).Total;
            latencies[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            t = Stopwatch.GetTimestamp();
            engine.Search(requests[i] with { Highlight = false });
            plain[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mémoire allouée par recherche (moyenne, un thread) : {allocatedKb:0} Ko"));
        if (engine.CachedPostings is { } postings)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"listes décodées des termes fréquents : {postings.Count} termes, {postings.Bytes / 1048576.0:0.0} Mo (au plus {postings.MaxBytes / 1048576.0:0} Mo)"));
        }

        Console.WriteLine();
        Console.WriteLine("| requêtes | nombre | p50 (ms) | p95 (ms) | p99 (ms) | p50 sans extraits (ms) | résultats moyens |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        void Row(string name, Func<int, bool> which)
        {
            var selected = Enumerable.Range(0, requests.Length).Where(which).ToArray();
            if (selected.Length == 0)
            {
                return;
            }

            var times = selected.Select(i => latencies[i]).Order().ToArray();
            var timesPlain = selected.Select(i => plain[i]).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {selected.Length} | {P(times, 0.5):0.00} | {P(times, 0.95):0.00} | {P(times, 0.99):0.00} | {P(timesPlain, 0.5):0.00} | {selected.Average(i => totals[i]):0} |"));
        }

        Row("toutes", _ => true);
        foreach (var (low, high) in new[] { (2, 3), (4, 5), (6, 8) })
        {
            Row($"{low} à {high} mots", i => queries[i].Text.Split(' ').Length is var n && n >= low && n <= high);
        }

        Row("avec département", i => queries[i].Departement is not null);
        Row("sans aucun filtre", i => queries[i] is { Departement: null, Famille: null, Public: null });
        Row("page 2", i => queries[i].Page == 2);
        Row("plus de 10 000 résultats", i => totals[i] > 10_000);
        Row("1 000 à 10 000 résultats", i => totals[i] is >= 1_000 and <= 10_000);
        Row("100 à 999 résultats", i => totals[i] is >= 100 and < 1_000);
        Row("moins de 100 résultats", i => totals[i] < 100);

        // Cores left idle or taken by a search (SplitSearch), measured in the same run: the ratio is the claim.
        Console.WriteLine();
        Console.WriteLine("| recherche | p50 (ms) | p95 (ms) | p99 (ms) | requêtes/s (1 thread) | requêtes/s (2 threads) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, search) in new (string, Func<int, int>)[]
        {
            ("un fil par recherche", i => engine.Search(requests[i], workers: 1, minCostToSplit: long.MaxValue).Total),
            ("cœurs libres pris (par défaut)", i => engine.Search(requests[i]).Total),
        })
        {
            var one = LatencyRun.Measure(requests.Length, search, 1);
            var two = LatencyRun.Measure(requests.Length, search, 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {one.P(0.5):0.00} | {one.P(0.95):0.00} | {one.P(0.99):0.00} | {one.QueriesPerSecond:0} | {two.QueriesPerSecond:0} |"));
        }

        if (loopSeconds > 0)
        {
            Console.WriteLine($"Boucle de {loopSeconds} s (PID {Environment.ProcessId})…");
            var until = Stopwatch.GetTimestamp() + (loopSeconds * Stopwatch.Frequency);
            for (var i = 0; Stopwatch.GetTimestamp() < until; i = (i + 1) % requests.Length)
            {
                engine.Search(requests[i]);
            }
        }
    }

    private static double P(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
}
