using Annuaire.Content.Model;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Annuaire.Search.Indexing;

/// <summary>
/// An index saved in a folder: written through a staging folder renamed at the end (a failed
/// write, disk full included, leaves the previous index whole), read back into memory with every
/// checksum verified and the engine version checked.
/// </summary>
internal static class IndexFolder
{
    /// <summary>Commit data key: <see cref="Annuaire.Content.ContentFingerprint"/> of the content indexed.</summary>
    public const string FingerprintKey = "annuaire.fingerprint";

    /// <summary>Commit data key: <see cref="Format"/> of the code that wrote the index.</summary>
    public const string FormatKey = "annuaire.format";

    private const string StagingMarker = ".tmp-";

    /// <summary>
    /// Identity of the analysis and document code (module version ids of this assembly and of the
    /// model, stable across deterministic builds of the same source): an index written by other
    /// code may have been analysed differently, so it is rebuilt rather than trusted.
    /// </summary>
    public static string Format { get; } = string.Join('/',
        typeof(IndexFolder).Assembly.ManifestModule.ModuleVersionId.ToString("N"),
        typeof(Offer).Assembly.ManifestModule.ModuleVersionId.ToString("N"));

    /// <summary>The commit data stamped on every index this engine writes.</summary>
    public static Dictionary<string, string> CommitData(string fingerprint) => new(StringComparer.Ordinal)
    {
        [FingerprintKey] = fingerprint,
        [FormatKey] = Format,
    };

    /// <summary>
    /// Copies <paramref name="files"/> (one commit's files, held by a snapshot while the index lives
    /// on) and writes <paramref name="offers"/> beside them (<see cref="SavedOffers"/>) to
    /// <paramref name="path"/>, atomically.
    /// </summary>
    /// <param name="source">The index directory.</param>
    /// <param name="files">The files of the commit to copy.</param>
    /// <param name="offers">The offers of that commit (one per live document).</param>
    /// <param name="path">Target folder; replaced only once the copy is complete and synced.</param>
    /// <param name="open">Opens the staging folder (a seam for fault injection in tests).</param>
    /// <exception cref="IOException">When the copy fails; the previous index at <paramref name="path"/> is untouched.</exception>
    public static void Save(LuceneDirectory source, IReadOnlyCollection<string> files, IEnumerable<Offer> offers, string path, Func<DirectoryInfo, LuceneDirectory> open)
    {
        var full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
        RemoveLeftovers(full);
        var staging = full + StagingMarker + Guid.NewGuid().ToString("N")[..8];
        try
        {
            using var target = open(new DirectoryInfo(staging));
            foreach (var file in files)
            {
                source.Copy(target, file, file, IOContext.DEFAULT);
            }

            SavedOffers.Write(target, files.Single(f => f.StartsWith(IndexFileNames.SEGMENTS + "_", StringComparison.Ordinal)), offers);
            target.Sync([.. files, SavedOffers.FileName]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(staging);
            throw new IndexWriteException(IndexWriteFailure.SaveFailed, full, innerException: ex);
        }

        // The old index stays whole until the new one is complete on disk, and comes back if the swap fails.
        var old = full + ".old";
        TryDelete(old);
        var hadOld = System.IO.Directory.Exists(full);
        try
        {
            if (hadOld)
            {
                System.IO.Directory.Move(full, old);
            }

            System.IO.Directory.Move(staging, full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (hadOld && !System.IO.Directory.Exists(full) && System.IO.Directory.Exists(old))
            {
                System.IO.Directory.Move(old, full);
            }

            TryDelete(staging);
            throw new IndexWriteException(IndexWriteFailure.ReplaceFailed, full, innerException: ex);
        }

        TryDelete(old);
    }

    /// <summary>Reads an index saved by <see cref="Save(LuceneDirectory, IReadOnlyCollection{string}, IEnumerable{Offer}, string, Func{DirectoryInfo, LuceneDirectory})"/> into memory and checks it whole.</summary>
    /// <exception cref="IndexUnusableException">Missing, corrupt, or written by other code.</exception>
    public static LoadedIndex Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!System.IO.Directory.Exists(full))
        {
            throw new IndexUnusableException(IndexProblem.Missing, full);
        }

        HeapDirectory? memory = null;
        try
        {
            var folder = new DirectoryInfo(full);
            memory = HeapDirectory.ReadFrom(folder, name => name != SavedOffers.FileName);

            using var reader = DirectoryReader.Open(memory);
            foreach (var leaf in reader.Leaves)
            {
                // Verifies every file's checksum footer: a flipped byte anywhere is caught here, not mid-search.
                leaf.AtomicReader.CheckIntegrity();
            }

            var data = reader.IndexCommit.UserData;
            if (!data.TryGetValue(FormatKey, out var format) || format != Format)
            {
                throw new IndexUnusableException(IndexProblem.OtherVersion, full);
            }

            var offers = SavedOffers.Read(folder, reader.IndexCommit.SegmentsFileName);
            CheckSameOffers(reader, offers);

            var loaded = new LoadedIndex(memory, offers, data.TryGetValue(FingerprintKey, out var fingerprint) ? fingerprint : string.Empty);
            memory = null;
            return loaded;
        }
        catch (IndexUnusableException)
        {
            throw;
        }
#pragma warning disable CA1031 // A damaged index can surface as almost any exception from the codec (out-of-range reads, bad lengths): all of them mean "rebuild from content".
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw new IndexUnusableException(ex is IndexNotFoundException ? IndexProblem.Missing : IndexProblem.Corrupt, full, innerException: ex);
        }
        finally
        {
            memory?.Dispose();
        }
    }

    /// <summary>The saved offers are exactly the index's live documents (offers changed or deleted after the build are deleted documents).</summary>
    private static void CheckSameOffers(DirectoryReader reader, Dictionary<string, Offer> offers)
    {
        if (offers.Count != reader.NumDocs)
        {
            throw new CorruptIndexException($"{offers.Count} offers saved for {reader.NumDocs} documents.");
        }

        var id = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var ids = leaf.AtomicReader.GetSortedDocValues(OfferFields.IdValue);
            var live = leaf.AtomicReader.LiveDocs;
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                if (live is null || live.Get(doc))
                {
                    ids.Get(doc, id);
                    if (!offers.ContainsKey(id.Utf8ToString()))
                    {
                        throw new CorruptIndexException($"Document {leaf.DocBase + doc} ({id.Utf8ToString()}) has no saved offer.");
                    }
                }
            }
        }
    }

    /// <summary>Staging folders left by a process that stopped mid-write.</summary>
    private static void RemoveLeftovers(string full)
    {
        var parent = Path.GetDirectoryName(full);
        if (parent is null || !System.IO.Directory.Exists(parent))
        {
            return;
        }

        foreach (var leftover in System.IO.Directory.EnumerateDirectories(parent, Path.GetFileName(full) + StagingMarker + "*"))
        {
            TryDelete(leftover);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover is removed by the next save; the save's own outcome matters more.
        }
    }

    /// <summary>An index read back into memory.</summary>
    /// <param name="Directory">The in-memory copy (owned by the caller).</param>
    /// <param name="Offers">The offers, from the file saved beside the index.</param>
    /// <param name="Fingerprint">The content fingerprint it was built from (empty if unknown).</param>
    internal sealed record LoadedIndex(HeapDirectory Directory, Dictionary<string, Offer> Offers, string Fingerprint);
}
