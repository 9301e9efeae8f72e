using System.Diagnostics;
using System.Globalization;
using Annuaire.Bench;
using Annuaire.Bench.Postgres;
using Annuaire.Bench.Realistic;
using Annuaire.Content;
using Annuaire.Content.Diagnostics;
using Annuaire.Content.Parsing;
using Annuaire.Search;
using Annuaire.Search.Querying;

// Usage (docs/benchmarks.md): dotnet run -c Release --project tools/Annuaire.Bench -- [options]
//   --offers 10000,100000   catalogue sizes           --queries 3000      timed queries
//   --content content       source catalogue          --warmup 2000       warm-up queries (realistic corpus)
//   --corpus realistic      long realistic corpus written to files, loaded, then engine-only comparison table
//   --compare-postgres      same, side by side with PostgreSQL 15 (started by tools/postgres-bench.sh unless --postgres "conn")
//   --keep-corpus DIR       keep the realistic corpus there      --load-only   time loading + validation of the realistic files
//   --reuse-corpus DIR      --keep-corpus, but a complete corpus of the same size, seed, day and source already there is not rewritten
//   --snippets              snippet cost, 2 KB vs 200 KB body    --write DIR   write a content folder (with --corpus realistic: realistic)
//   --hostile               the most expensive accepted request vs « aide permis », same run
//   --update                one edited file → searchable (incremental load + index update), vs full load + build
//   --reload-only           with --update: the incremental re-read only (no index), to profile it quickly
//   --profile DIR [--loop S] latency per kind of query on a realistic corpus kept in DIR (index saved there too),
//                           then S seconds of searches for a profiler to attach
//   relevance [--content DIR] [--queries FILE] [--misses]   judged relevance suite (docs/pertinence.md)
if (args is [RelevanceCommand.Name, ..])
{
    return RelevanceCommand.Run(args[1..]);
}

var sizes = new[] { 10_000, 100_000 };
var queryCount = 3000;
var warmup = 2000;
var contentPath = "content";
string? writeTo = null;
string? keepCorpus = null;
var reuseCorpus = false;
string? postgres = null;
var realistic = false;
var comparePostgres = false;
var loadOnly = false;
var snippets = false;
var hostile = false;
var update = false;
var reloadOnly = false;
string? profile = null;
var loopSeconds = 0;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Valeur attendue après {args[i]}.");
    switch (args[i])
    {
        case "--write": writeTo = Value(); break;
        case "--offers": sizes = [.. Value().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
        case "--queries": queryCount = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--warmup": warmup = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--content": contentPath = Value(); break;
        case "--keep-corpus": keepCorpus = Value(); break;
        case "--reuse-corpus": keepCorpus = Value(); reuseCorpus = true; break;
        case "--postgres": postgres = Value(); break;
        case "--corpus":
            realistic = Value() switch
            {
                "realistic" => true,
                "catalogue" => false,
                var kind => throw new ArgumentException($"Corpus inconnu : {kind} (realistic ou catalogue)."),
            };
            break;
        case "--compare-postgres": comparePostgres = realistic = true; break;
        case "--load-only": loadOnly = realistic = true; break;
        case "--snippets": snippets = true; break;
        case "--hostile": hostile = true; break;
        case "--update": update = true; break;
        case "--reload-only": reloadOnly = true; break;
        case "--profile": profile = Value(); break;
        case "--loop": loopSeconds = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"Option inconnue : {args[i]}"); return 2;
    }
}

var source = ContentLoader.Load(contentPath, ValidationOptions.ForToday(TimeProvider.System));
if (writeTo is not null)
{
    // A content folder of N offer files for HTTP benchmarks of the site (valid, realistic).
    if (realistic)
    {
        GeneratedContent.Write(source, sizes[0], writeTo).Dispose();
    }
    else
    {
        CorpusWriter.Write(source, sizes[0], writeTo, seed: 42);
    }

    Console.WriteLine($"{sizes[0]} offres écrites dans {writeTo}");
    return 0;
}

if (profile is not null)
{
    Profile.Run(source, sizes[0], queryCount, warmup, profile, loopSeconds);
    return 0;
}

if (snippets)
{
    SnippetCost.Run(source, sizes[0], queryCount);
    return 0;
}

if (update)
{
    UpdateLatency.Run(source, sizes[0], Math.Min(queryCount, 50), keepCorpus, reuseCorpus, reloadOnly);
    return 0;
}

if (hostile)
{
    HostileCost.Run(source, sizes[0], queryCount);
    return 0;
}

if (loadOnly)
{
    Console.WriteLine($"# Chargement — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cœurs, charge moyenne au départ {Comparison.LoadAverage()}");
    Console.WriteLine("| fichiers | écriture (s) | chargement + validation (s) | temps CPU (s) | offres valides | erreurs | avertissements | doublons probables |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var size in sizes)
    {
        using var content = GeneratedContent.Write(source, size, keepCorpus, reuse: reuseCorpus);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        var catalog = ContentLoader.Load(content.Folder, ValidationOptions.ForToday(TimeProvider.System));
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {catalog.FileCount:N0} | {(content.Reused ? "réutilisé" : content.WriteSeconds.ToString("0.0", CultureInfo.InvariantCulture))} | {seconds:0.0} | {(process.TotalProcessorTime - cpu).TotalSeconds:0.0} | {catalog.Offers.Count:N0} | {catalog.ErrorCount} | {catalog.WarningCount} | {catalog.Diagnostics.Count(d => d.Code == DiagnosticCodes.ProbableDuplicate)} |"));
    }

    return 0;
}

if (realistic)
{
    PostgresCluster? cluster = null;
    try
    {
        if (comparePostgres && postgres is null)
        {
            cluster = PostgresCluster.Start(RepositoryRoot());
            postgres = cluster.ConnectionString;
        }

        foreach (var size in sizes)
        {
            Comparison.Run(source, size, queryCount, warmup, postgres, keepCorpus, reuseCorpus);
            Console.WriteLine();
        }
    }
    finally
    {
        cluster?.Dispose();
    }

    return 0;
}

Console.WriteLine($"# Annuaire benchmark — {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, source catalogue {source.Offers.Count} offers");
Console.WriteLine();
Console.WriteLine("| offers | build (s) | threads | queries | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | queries/s | suggest p50/p99 (ms) | managed heap (MB) | working set (MB) |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var size in sizes)
{
    var catalog = new CorpusGenerator(source, seed: 42).Generate(size);
    using var engine = new OfferSearchEngine(TimeProvider.System);
    var buildStart = Stopwatch.GetTimestamp();
    engine.Rebuild(catalog);
    var build = Stopwatch.GetElapsedTime(buildStart).TotalSeconds;
    catalog = null;
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var heapMb = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
    var workingSetMb = Process.GetCurrentProcess().WorkingSet64 / 1048576.0;

    var requests = QueryMix.Build(queryCount, seed: 7);
    foreach (var warm in QueryMix.Build(300, seed: 1))
    {
        engine.Search(warm);
    }

    var suggest = Measure(["heb", "perm", "logem", "garde", "mobi", "aide perm", "rsa", "cc"], p => engine.Suggest(p), 50);
    foreach (var threads in new[] { 1, 2 })
    {
        var latencies = new double[requests.Length];
        var wall = Stopwatch.GetTimestamp();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            for (var q = t; q < requests.Length; q += threads)
            {
                var start = Stopwatch.GetTimestamp();
                engine.Search(requests[q]);
                latencies[q] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        });
        var seconds = Stopwatch.GetElapsedTime(wall).TotalSeconds;
        Array.Sort(latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {size:N0} | {build:0.0} | {threads} | {requests.Length} | {P(latencies, 0.50):0.00} | {P(latencies, 0.95):0.00} | {P(latencies, 0.99):0.00} | {latencies[^1]:0.00} | {requests.Length / seconds:0} | {P(suggest, 0.5):0.00} / {P(suggest, 0.99):0.00} | {heapMb:0} | {workingSetMb:0} |"));
    }
}

Console.WriteLine();
Console.WriteLine("Per query kind at the largest size (1 thread, p50 / p99 ms):");
{
    var catalog = new CorpusGenerator(source, seed: 42).Generate(sizes[^1]);
    using var engine = new OfferSearchEngine(TimeProvider.System);
    engine.Rebuild(catalog);
    foreach (var warm in QueryMix.Build(300, seed: 1))
    {
        engine.Search(warm);
    }

    var kinds = new (string Name, SearchRequest Request)[]
    {
        ("two plain words", new() { Text = "aide permis" }),
        ("typo", new() { Text = "hébergemnt" }),
        ("acronym", new() { Text = "RSA" }),
        ("place name", new() { Text = "hebergement urgence orleans" }),
        ("phrase", new() { Text = "\"garage solidaire\"" }),
        ("browse + filters", new SearchRequest { Territoire = "45" }.With(FacetDimension.Thematique, "mobilite")),
        ("browse all", new()),
        ("zero results", new() { Text = "zzzqqq wwwkk" }),
        ("no highlight", new() { Text = "aide permis", Highlight = false }),
    };
    foreach (var (name, request) in kinds)
    {
        var times = Measure([request], r => engine.Search(r), 200);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- {name}: {P(times, 0.5):0.00} / {P(times, 0.99):0.00}"));
    }
}

return 0;

static double P(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];

static double[] Measure<T>(IReadOnlyList<T> inputs, Action<T> action, int rounds)
{
    var times = new List<double>();
    for (var r = 0; r < rounds; r++)
    {
        foreach (var input in inputs)
        {
            var start = Stopwatch.GetTimestamp();
            action(input);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    var array = times.ToArray();
    Array.Sort(array);
    return array;
}

static string RepositoryRoot()
{
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.sln")))
            {
                return dir.FullName;
            }
        }
    }

    throw new InvalidOperationException("Directory.sln introuvable : lancez le banc depuis le dépôt.");
}
