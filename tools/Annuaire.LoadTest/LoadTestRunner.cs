using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Annuaire.LoadTest;

/// <summary>
/// Runs mixed searches (pages and API, plain words, typos, acronyms, filters, hostile input)
/// for a fixed time, optionally rewriting a content file periodically to force live reloads,
/// and reports status codes and latency percentiles. Exit code 1 if any 5xx or failed request.
/// </summary>
internal static class LoadTestRunner
{
    private static readonly string[] Paths =
    [
        "/recherche?q=aide+permis", "/recherche?q=hebergement+urgence+orleans", "/recherche?q=rsa", "/recherche?q=pole+emploi",
        "/recherche?q=hebergemnt", "/recherche?q=permsi", "/recherche?q=logement&territoire=45", "/recherche?thematique=mobilite&territoire=48",
        "/recherche?q=garde+enfants&public=familles", "/recherche?q=%22voiture+sans+permis%22", "/recherche?q=logement+-fsl", "/recherche?page=2",
        "/api/offres?q=ccas", "/api/offres?q=fsl&territoire=61", "/api/offres?thematique=logement-hebergement", "/api/suggest?q=heb",
        "/api/suggest?q=perm", "/recherche?q=%3Cscript%3E", "/recherche?q=%28%2A%7E%22", "/",
    ];

    private static readonly string[] Words =
    [
        "aide", "permis", "logement", "hebergement", "urgence", "jeunes", "emploi", "formation", "garde", "enfants", "voiture", "scooter",
        "rsa", "fsl", "ccas", "caf", "budget", "dettes", "sante", "psychologue", "alimentaire", "transport", "mobilite", "loyer",
        "impayes", "apprentissage", "numerique", "atelier", "cv", "entretien", "orleans", "mende", "alencon", "montargis", "gien", "flers",
    ];

    public static async Task<int> RunAsync(LoadTestOptions options, TextWriter output)
    {
        // One kept-alive connection per client (plus health checks and the content toucher), nothing
        // the site does not need: no cookies, no proxy lookup, no decompression.
        using var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = options.Concurrency + 1,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        using var client = new HttpClient(handler) { BaseAddress = options.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var latencies = new ConcurrentBag<double>();
        var statuses = new ConcurrentDictionary<int, int>();
        var failures = 0;
        var touches = 0;
        using var stop = new CancellationTokenSource(options.WarmUp + options.Duration);
        // Answers during the warm-up count for errors, not for latency and throughput.
        var measureFrom = Stopwatch.GetTimestamp() + (long)(options.WarmUp.TotalSeconds * Stopwatch.Frequency);

        async Task Client(int seed)
        {
            var random = new Random(seed);
            while (!stop.IsCancellationRequested)
            {
                string path;
                var uncached = string.Empty;
                if (options.Distinct || random.Next(3) == 0)
                {
                    // Two or three words and a page: thousands of combinations, so almost no cache hit.
                    var words = Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Words[random.Next(Words.Length)]);
                    path = $"{(random.Next(4) == 0 ? "/api/offres" : "/recherche")}?q={string.Join('+', words)}&page={random.Next(1, 3)}";
                }
                else
                {
                    path = Paths[random.Next(Paths.Length)];
                    // A distinct suffix defeats the output cache for half the requests.
                    uncached = random.Next(2) == 0 ? $"{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}page={random.Next(1, 4)}" : string.Empty;
                }
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(path + uncached, CancellationToken.None);
                    await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                    if (started >= measureFrom)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }

                    statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
                catch (TaskCanceledException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }

        async Task Toucher()
        {
            if (options.TouchContent is null)
            {
                return;
            }

            var file = Path.Combine(options.TouchContent, "offres", "zz-test-de-charge.md");
            while (!stop.IsCancellationRequested)
            {
                await File.WriteAllTextAsync(file, TestOffer(touches), Encoding.UTF8, CancellationToken.None);
                Interlocked.Increment(ref touches);
                try
                {
                    await Task.Delay(options.TouchEvery, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            File.Delete(file);
        }

        var generationBefore = await HealthAsync(client);
        var work = Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(i => Task.Run(() => Client(i))).Append(Toucher()));
        await Task.Delay(options.WarmUp, CancellationToken.None);
        var cpuBefore = CpuTimes.Read(options.ServerProcessId);
        await work;
        var cpu = CpuTimes.Read(options.ServerProcessId) - cpuBefore;
        var seconds = Stopwatch.GetElapsedTime(measureFrom).TotalSeconds;

        // The last rewrite (the file's removal) must be picked up too: wait past the debounce.
        var health = await WaitForRebuildAsync(client, generationBefore, touches);
        var rebuilds = health.Generation - generationBefore.Generation;

        var sorted = latencies.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        var serverErrors = statuses.Where(s => s.Key >= 500).Sum(s => s.Value);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Durée {seconds:0} s{(options.WarmUp > TimeSpan.Zero ? $" après {options.WarmUp.TotalSeconds:0} s de préchauffage" : string.Empty)}, {options.Concurrency} clients, {sorted.Length} réponses ({sorted.Length / seconds:0} req/s), {touches} modification(s) du contenu."));
        output.WriteLine("Codes : " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}")));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Latence ms : p50 {P(0.50):0.0}, p95 {P(0.95):0.0}, p99 {P(0.99):0.0}, max {(sorted.Length == 0 ? 0 : sorted[^1]):0.0}"));
        output.WriteLine(cpu.Describe(sorted.Length, seconds));
        output.WriteLine($"Erreurs 5xx : {serverErrors} ; requêtes en échec : {failures}");
        output.WriteLine($"Reconstructions de l'index pendant le test : {rebuilds} ; état final : {health.Status}");
        var rebuiltEnough = options.TouchContent is null || rebuilds >= Math.Min(touches, 2);
        if (!rebuiltEnough)
        {
            output.WriteLine("Échec : le contenu a été modifié mais l'index n'a pas été reconstruit.");
        }

        if (options.Report is not null)
        {
            await File.WriteAllTextAsync(options.Report, string.Create(CultureInfo.InvariantCulture,
                $"| {sorted.Length} | {sorted.Length / seconds:0} req/s | {P(0.50):0.0} ms | {P(0.95):0.0} ms | {P(0.99):0.0} ms | {(sorted.Length == 0 ? 0 : sorted[^1]):0} ms | {serverErrors} | {failures} | {rebuilds} |\n"));
        }

        return serverErrors == 0 && failures == 0 && rebuiltEnough && health.Status == "ok" ? 0 : 1;
    }

    private static async Task<Health> HealthAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/healthz"));
        return new Health(json.RootElement.GetProperty("generation").GetInt64(), json.RootElement.GetProperty("status").GetString() ?? string.Empty);
    }

    private static async Task<Health> WaitForRebuildAsync(HttpClient client, Health before, int touches)
    {
        var health = await HealthAsync(client);
        for (var i = 0; i < 50 && touches > 0 && health.Generation - before.Generation < touches + 1; i++)
        {
            await Task.Delay(200);
            health = await HealthAsync(client);
        }

        return health;
    }

    private sealed record Health(long Generation, string Status);

    private static string TestOffer(int version) => $"""
        ---
        titre: "Offre de test de charge {version}"
        resume: "Offre temporaire écrite par le test de charge pour forcer une reconstruction de l'index."
        porteur: france-travail
        thematiques: [trouver-un-emploi--repondre-a-des-offres-demploi]
        zone_eligibilite: [france]
        date_maj: 2026-01-01
        ---
        Offre temporaire, version {version}, supprimée à la fin du test de charge.
        """;
}
