using System.Diagnostics;
using System.Globalization;
using Annuaire.Content;

namespace Annuaire.Bench.Realistic;

/// <summary>
/// A content folder written by <see cref="RealisticCorpus"/>: kept where asked, else a temporary
/// folder deleted on dispose. A kept folder is stamped once completely written (size, seed, day,
/// source catalogue); with reuse asked, a folder whose stamp matches is used as it is. A benchmark
/// that edits files removes the stamp first (<see cref="MarkEdited"/>), so an edited folder is
/// never taken for a fresh one.
/// </summary>
internal sealed class GeneratedContent : IDisposable
{
    private const string StampFile = ".corpus-complet";

    private readonly bool _owned;

    private GeneratedContent(string folder, bool owned, double writeSeconds, bool reused)
    {
        Folder = folder;
        _owned = owned;
        WriteSeconds = writeSeconds;
        Reused = reused;
    }

    public string Folder { get; }

    public double WriteSeconds { get; }

    /// <summary>Whether an identical, complete folder was found and nothing was written.</summary>
    public bool Reused { get; }

    public static GeneratedContent Write(ContentCatalog source, int count, string? keepAt, int seed = 42, bool reuse = false)
    {
        var folder = keepAt ?? Directory.CreateTempSubdirectory("annuaire-bench-").FullName;
        var stampPath = Path.Combine(folder, StampFile);
        // The corpus depends on the day (dates relative to today) and on the source catalogue.
        var stamp = string.Create(CultureInfo.InvariantCulture, $"{count} {seed} {DateOnly.FromDateTime(DateTime.UtcNow):yyyy-MM-dd} {source.Fingerprint}");
        if (reuse && keepAt is not null && File.Exists(stampPath) && File.ReadAllText(stampPath) == stamp)
        {
            return new GeneratedContent(folder, owned: false, writeSeconds: 0, reused: true);
        }

        if (File.Exists(stampPath))
        {
            // A corpus this tool wrote before: start from an empty offers folder, so no file of a larger run is left over.
            File.Delete(stampPath);
            var offers = Path.Combine(folder, ContentLoader.OffersFolder);
            if (Directory.Exists(offers))
            {
                Directory.Delete(offers, recursive: true);
            }
        }

        var start = Stopwatch.GetTimestamp();
        new RealisticCorpus(source, seed).Write(count, folder);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        if (keepAt is not null)
        {
            File.WriteAllText(stampPath, stamp);
        }

        return new GeneratedContent(folder, keepAt is null, seconds, reused: false);
    }

    /// <summary>Called before a benchmark edits files: the folder is no longer the generated corpus.</summary>
    public void MarkEdited() => File.Delete(Path.Combine(Folder, StampFile));

    public void Dispose()
    {
        if (_owned)
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
