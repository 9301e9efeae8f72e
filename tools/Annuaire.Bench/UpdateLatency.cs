using System.Diagnostics;
using System.Globalization;
using Annuaire.Bench.Realistic;
using Annuaire.Content;
using Annuaire.Content.Parsing;
using Annuaire.Search;
using Annuaire.Search.Indexing;
using Annuaire.Search.Querying;

namespace Annuaire.Bench;

/// <summary>
/// How long after an editor saves one offer file it is searchable, the way the site does it
/// (<see cref="ContentLoader.Load(string, ValidationOptions, ContentCatalog?, IReadOnlyCollection{string}?)"/> with the previous
/// catalogue and the changed path, then <see cref="OfferSearchEngine.Apply"/>), against the full load + build it replaces.
/// </summary>
internal static class UpdateLatency
{
    /// <summary>Writes (or reuses) the corpus, loads and indexes it, then times <paramref name="rounds"/> single-file edits; <paramref name="reloadOnly"/> times the re-read alone (no index is built: a quick loop to profile it).</summary>
    public static void Run(ContentCatalog source, int size, int rounds, string? keepCorpus, bool reuseCorpus, bool reloadOnly)
    {
        using var content = GeneratedContent.Write(source, size, keepCorpus, reuse: reuseCorpus);
        var options = ValidationOptions.ForToday(TimeProvider.System);
        var full = Stopwatch.StartNew();
        var catalog = ContentLoader.Load(content.Folder, options);
        var loadSeconds = full.Elapsed.TotalSeconds;
        using var engine = new OfferSearchEngine(TimeProvider.System);
        if (!reloadOnly)
        {
            engine.Apply(catalog);
        }

        var buildSeconds = full.Elapsed.TotalSeconds - loadSeconds;

        var files = Directory.GetFiles(Path.Combine(content.Folder, ContentLoader.OffersFolder), "*.md", SearchOption.AllDirectories);
        var random = new Random(5);
        content.MarkEdited();
        var times = new List<(double Load, double Apply, double Total, double Cpu)>();
        using var self = Process.GetCurrentProcess();
        var gen2Before = GC.CollectionCount(2);
        var pauseBefore = GC.GetTotalPauseDuration();
        for (var round = 0; round < rounds; round++)
        {
            var file = files[random.Next(files.Length)];
            var word = $"marqueur{round}x";
            File.AppendAllText(file, $"\n\nMot témoin : {word}.\n");
            self.Refresh();
            var cpu = self.TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            catalog = ContentLoader.Load(content.Folder, options, catalog, [file]); // The path the site's file watcher reports.
            var loaded = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var (_, changed) = reloadOnly ? (null, 1) : engine.Apply(catalog);
            var total = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            self.Refresh();
            var cpuMs = (self.TotalProcessorTime - cpu).TotalMilliseconds;
            var found = reloadOnly ? catalog.Offers.Count(o => o.Id == Path.GetFileNameWithoutExtension(file) && o.Body.Contains(word, StringComparison.Ordinal)) : engine.Search(new SearchRequest { Text = word }).Total;
            if (changed != 1 || found != 1)
            {
                throw new InvalidOperationException($"Mise à jour incrémentale inattendue : {changed} offre(s) réindexée(s), {found} trouvée(s).");
            }

            times.Add((loaded, total - loaded, total, cpuMs));
        }

        double P(Func<(double Load, double Apply, double Total, double Cpu), double> of, double q)
        {
            var sorted = times.Select(of).Order().ToArray();
            return sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        }

        var gen2 = GC.CollectionCount(2) - gen2Before;
        var pause = GC.GetTotalPauseDuration() - pauseBefore;
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# Mise à jour d'une offre — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cœurs, {size:N0} offres réalistes, {rounds} modifications, charge au départ {Comparison.LoadAverage()}"));
        Console.WriteLine("| étape | p50 (ms) | p95 (ms) | max (ms) |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| relecture (seul le fichier modifié est lu) | {P(t => t.Load, 0.5):0} | {P(t => t.Load, 0.95):0} | {P(t => t.Load, 1):0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| mise à jour de l'index (une offre) | {P(t => t.Apply, 0.5):0} | {P(t => t.Apply, 0.95):0} | {P(t => t.Apply, 1):0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| **enregistrement → trouvable** | **{P(t => t.Total, 0.5):0}** | **{P(t => t.Total, 0.95):0}** | **{P(t => t.Total, 1):0}** |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| temps CPU du processus (relecture + mise à jour ; moins sensible à la charge de la machine) | {P(t => t.Cpu, 0.5):0} | {P(t => t.Cpu, 0.95):0} | {P(t => t.Cpu, 1):0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| pour mémoire : chargement complet + construction | {loadSeconds * 1000:0} + {buildSeconds * 1000:0} | | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Mémoire de travail après les mises à jour : {process.WorkingSet64 / 1048576.0:0} Mo ; {gen2} collection(s) complète(s) du ramasse-miettes et {pause.TotalMilliseconds:0} ms de pauses pendant les {rounds} modifications."));

        // The engine returns the memory updates left committed once they have been quiet a while.
        Thread.Sleep(MemoryReturn.QuietPeriod + TimeSpan.FromSeconds(5));
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{MemoryReturn.QuietPeriod.TotalSeconds:0} s sans modification plus tard : mémoire rendue {engine.MemoryReturns} fois, mémoire engagée par le ramasse-miettes {GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0:0} Mo, ensemble de travail {process.WorkingSet64 / 1048576.0:0} Mo."));
    }
}
