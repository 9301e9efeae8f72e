using System.Diagnostics;
using System.Globalization;
using Annuaire.Bench;
using Annuaire.Content;
using Annuaire.Content.Parsing;
using Annuaire.Search;
using Annuaire.Search.Querying;

// Usage: dotnet run -c Release --project tools/Annuaire.Bench -- [--offers 10000,100000] [--queries 3000] [--content content]
//        dotnet run --project tools/Annuaire.Bench -- relevance [--content DIR] [--queries FILE] [--misses]
if (args is [RelevanceCommand.Name, ..])
{
    return RelevanceCommand.Run(args[1..]);
}

var sizes = new[] { 10_000, 100_000 };
var queryCount = 3000;
var contentPath = "content";
string? writeTo = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--write": writeTo = args[i + 1]; break;
        case "--offers": sizes = [.. args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
        case "--queries": queryCount = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--content": contentPath = args[i + 1]; break;
        default: Console.Error.WriteLine($"Option inconnue : {args[i]}"); return 2;
    }
}

var source = ContentLoader.Load(contentPath, ValidationOptions.ForToday(TimeProvider.System));
if (writeTo is not null)
{
    // A content folder of N offer files for HTTP benchmarks of the site (valid, realistic).
    var written = CorpusWriter.Write(source, sizes[0], writeTo, seed: 42);
    Console.WriteLine($"{written} offres écrites dans {writeTo}");
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
        ("browse + filters", new() { Thematiques = ["mobilite"], Territoire = "45" }),
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
