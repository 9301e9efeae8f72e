using System.Diagnostics;
using System.Globalization;
using Annuaire.Bench.Postgres;
using Annuaire.Bench.Realistic;
using Annuaire.Content;
using Annuaire.Content.Parsing;
using Annuaire.Search;

namespace Annuaire.Bench;

/// <summary>
/// The side-by-side run: one realistic corpus written to files, loaded and validated once, then
/// indexed by the Annuaire engine and by PostgreSQL (when a server is given), and the same adviser
/// queries run on both after a warm-up. Prints the tables recorded in docs/benchmarks.md.
/// </summary>
internal static class Comparison
{
    public static void Run(ContentCatalog source, int size, int queryCount, int warmup, string? postgres, string? keepCorpusAt, bool reuseCorpus)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# Comparaison — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cœurs, .NET {Environment.Version}, {size:N0} offres réalistes, {queryCount} requêtes après {warmup} de chauffe, charge moyenne de la machine au départ {LoadAverage()}"));
        Console.WriteLine();

        using var content = GeneratedContent.Write(source, size, keepCorpusAt, reuse: reuseCorpus);
        var baseline = WorkingSetMb();
        var cpu = CpuSeconds();
        var start = Stopwatch.GetTimestamp();
        var catalog = ContentLoader.Load(content.Folder, ValidationOptions.ForToday(TimeProvider.System));
        var load = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var loadCpu = CpuSeconds() - cpu;
        var bodies = catalog.Offers.Select(o => o.Body.Length).Order().ToArray();

        using var engine = new OfferSearchEngine(TimeProvider.System);
        start = Stopwatch.GetTimestamp();
        cpu = CpuSeconds();
        engine.Rebuild(catalog);
        var build = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var buildCpu = CpuSeconds() - cpu;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapMb = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
        var engineMb = WorkingSetMb();

        var queries = AdviserQueries.Build(catalog, queryCount, seed: 7);
        var warm = AdviserQueries.Build(catalog, warmup, seed: 1);
        var requests = queries.Select(q => q.ToSearchRequest()).ToArray();
        var unhighlighted = requests.Select(r => r with { Highlight = false }).ToArray();
        var warmRequests = warm.Select(q => q.ToSearchRequest()).ToArray();
        foreach (var request in warmRequests)
        {
            engine.Search(request);
        }

        var rows = new List<(string Engine, string Setup, LatencyRun One, LatencyRun Two)>
        {
            ("Annuaire", "facettes + extraits surlignés", Sequential(i => engine.Search(requests[i]).Total, requests.Length),
                LatencyRun.Measure(requests.Length, i => engine.Search(requests[i]).Total, 2)),
        };

        // The same requests again would find their typos expanded and their terms looked up: the
        // second setup starts from the warm-up alone too, so that it measures the snippets' cost.
        engine.ForgetLookups();
        foreach (var request in warmRequests)
        {
            engine.Search(request with { Highlight = false });
        }

        rows.Add(("Annuaire", "facettes, sans extraits", Sequential(i => engine.Search(unhighlighted[i]).Total, requests.Length),
            LatencyRun.Measure(requests.Length, i => engine.Search(unhighlighted[i]).Total, 2)));

        // After the searches: what their caches hold (decoded postings of frequent terms, look-ups) counts too.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var searchedMb = WorkingSetMb();
        var searchedHeapMb = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
        var postings = engine.CachedPostings;

        PostgresPeer.LoadTimes? pgLoad = null;
        double pgMb = 0, pingMs = 0;
        if (postgres is not null)
        {
            using var peer = new PostgresPeer(postgres);
            pgLoad = peer.Load(catalog);
            foreach (var query in warm)
            {
                foreach (var work in Enum.GetValues<PostgresPeer.Work>())
                {
                    peer.Search(query, work);
                }
            }

            pingMs = LatencyRun.Measure(500, _ => { peer.Ping(); return 0; }, 1).P(0.5);
            foreach (var (work, setup) in new[]
            {
                (PostgresPeer.Work.Page, "page classée + total"),
                (PostgresPeer.Work.PageWithHeadlines, "page + total + extraits surlignés (ts_headline : titre, résumé, texte)"),
                (PostgresPeer.Work.PageWithCounts, "page + total + comptes (famille, public, département)"),
            })
            {
                rows.Add(("PostgreSQL 15", setup, Sequential(i => peer.Search(queries[i], work), queries.Length),
                    LatencyRun.Measure(queries.Length, i => peer.Search(queries[i], work), 2)));
            }
            pgMb = peer.ServerMemory() / 1048576.0;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Corpus : {catalog.Offers.Count:N0} offres valides sur {catalog.FileCount:N0} fichiers ({catalog.ErrorCount} erreurs, {catalog.WarningCount} avertissements), corps de {bodies[0]:N0} à {bodies[^1]:N0} caractères (médiane {bodies[bodies.Length / 2]:N0}), {(content.Reused ? "réutilisé tel quel (--reuse-corpus)" : $"écrit en {content.WriteSeconds:0.0} s")}."));
        Console.WriteLine();
        Console.WriteLine("| moteur | mesure | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | requêtes/s (1 thread) | requêtes/s (2 threads) | résultats moyens |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, setup, one, two) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {setup} | {one.P(0.50):0.00} | {one.P(0.95):0.00} | {one.P(0.99):0.00} | {one.Max:0.00} | {one.QueriesPerSecond:0} | {two.QueriesPerSecond:0} | {one.MeanHits:0} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| moteur | chargement + validation des fichiers (s) | construction de l'index (s) | mémoire (Mo) |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| Annuaire | {load:0.0} (CPU {loadCpu:0.0}) | {build:0.0} (CPU {buildCpu:0.0}) | {engineMb:0} (mémoire de travail du processus ; {engineMb - baseline:0} depuis le chargement, tas géré {heapMb:0}) ; {searchedMb:0} après les recherches, tas géré {searchedHeapMb:0} (listes décodées des termes fréquents : {postings?.Count ?? 0} termes, {(postings?.Bytes ?? 0) / 1048576.0:0.0} Mo) |"));
        if (pgLoad is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| PostgreSQL 15 | (même chargement) | {pgLoad.CopySeconds + pgLoad.IndexSeconds:0.0} (COPY et tsvector {pgLoad.CopySeconds:0.0}, index GIN et ANALYZE {pgLoad.IndexSeconds:0.0}) | {pgMb:0} (PSS des processus du serveur ; table et index {pgLoad.TableBytes / 1048576.0:0} Mo) |"));
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Aller-retour Npgsql « SELECT 1 » sur la boucle locale : p50 {pingMs:0.000} ms (compris dans les latences PostgreSQL)."));
        }
    }

    /// <summary>The 1-minute load average: on a shared machine, what else was running.</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "inconnue";

    private static LatencyRun Sequential(Func<int, int> search, int count) => LatencyRun.Measure(count, search, 1);

    private static double CpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static double WorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / 1048576.0;
    }
}
