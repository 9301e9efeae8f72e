using System.Diagnostics;
using Annuaire.Content;

namespace Annuaire.Bench.Realistic;

/// <summary>A content folder written by <see cref="RealisticCorpus"/>: kept where asked, else a temporary folder deleted on dispose.</summary>
internal sealed class GeneratedContent : IDisposable
{
    private readonly bool _owned;

    private GeneratedContent(string folder, bool owned, double writeSeconds)
    {
        Folder = folder;
        _owned = owned;
        WriteSeconds = writeSeconds;
    }

    public string Folder { get; }

    public double WriteSeconds { get; }

    public static GeneratedContent Write(ContentCatalog source, int count, string? keepAt, int seed = 42)
    {
        var folder = keepAt ?? Directory.CreateTempSubdirectory("annuaire-bench-").FullName;
        var start = Stopwatch.GetTimestamp();
        new RealisticCorpus(source, seed).Write(count, folder);
        return new GeneratedContent(folder, keepAt is null, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    public void Dispose()
    {
        if (_owned)
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
