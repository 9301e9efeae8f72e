using Annuaire.Content.Referentials;
using Annuaire.Search.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Annuaire.Search.Indexing;

/// <summary>
/// One in-memory index and its long-lived writer, from a full build to the next: offers are
/// added, changed and deleted in place, and each change is published as a new near-real-time
/// searcher (<see cref="SearcherManager"/> on the writer). Generations lease it; the last one out
/// after it is retired closes the writer and the directory. Changes are serialised by the engine.
/// </summary>
internal sealed class IndexLineage
{
    private readonly LeaseCount _references = new(); // The owner's lease is the first one.

    private IndexLineage(HeapDirectory directory, IndexWriter writer, OfferAnalyzers analyzers, ReferentialSet referentials)
    {
        Directory = directory;
        Writer = writer;
        Analyzers = analyzers;
        Referentials = referentials;
        Searchers = new SearcherManager(writer, applyAllDeletes: true, new Bm25SearcherFactory());
    }

    public HeapDirectory Directory { get; }

    public IndexWriter Writer { get; }

    public SearcherManager Searchers { get; }

    public OfferAnalyzers Analyzers { get; }

    /// <summary>The referentials every document of this lineage was built with (a change of them means a full rebuild).</summary>
    public ReferentialSet Referentials { get; private set; }

    /// <summary>Takes <paramref name="referentials"/> read again from the same bytes (same content fingerprint) as its own.</summary>
    public void Adopt(ReferentialSet referentials) => Referentials = referentials;

    /// <summary>Opens a writer on a committed index (built or loaded) and its first searcher.</summary>
    public static IndexLineage Open(HeapDirectory directory, OfferAnalyzers analyzers, ReferentialSet referentials)
    {
        var config = new IndexWriterConfig(LuceneSettings.Version, analyzers.Index)
        {
            OpenMode = OpenMode.APPEND,
            Similarity = OfferIndexBuilder.Similarity,
            // Merges run inside the update that triggers them: when an update returns, no file is
            // being written in the background (saving the index copies a quiet directory).
            MergeScheduler = new SerialMergeScheduler(),
            // Files of a commit being saved must outlive merges and the closing of older searchers.
            IndexDeletionPolicy = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy()),
        };
        return new IndexLineage(directory, new IndexWriter(directory, config), analyzers, referentials);
    }

    /// <summary>Commits pending changes with <paramref name="commitData"/>, so the directory can be copied.</summary>
    public void Commit(IDictionary<string, string> commitData)
    {
        var current = Writer.CommitData;
        if (!Writer.HasUncommittedChanges() && current.Count == commitData.Count && commitData.All(kv => current.TryGetValue(kv.Key, out var v) && v == kv.Value))
        {
            return; // Nothing new since the last commit: the directory already holds it.
        }

        Writer.SetCommitData(commitData);
        Writer.Commit();
    }

    /// <summary>
    /// Holds the files of the last commit on the directory, even if searchers close or segments
    /// merge meanwhile, until <see cref="ReleaseCommit"/>; updates may go on in the meantime.
    /// </summary>
    public IndexCommit HoldLastCommit() => ((SnapshotDeletionPolicy)Writer.Config.IndexDeletionPolicy).Snapshot();

    /// <summary>Lets the files of a commit held by <see cref="HoldLastCommit"/> go once unused.</summary>
    public void ReleaseCommit(IndexCommit commit)
    {
        ((SnapshotDeletionPolicy)Writer.Config.IndexDeletionPolicy).Release(commit);
        Writer.DeleteUnusedFiles();
    }

    /// <summary>Takes a reference; false once closed.</summary>
    public bool TryAddReference() => _references.TryTake();

    /// <summary>Returns a reference; the last one closes everything.</summary>
    public void Release()
    {
        if (_references.Return())
        {
            Searchers.Dispose();
            Writer.Dispose();
            Analyzers.Dispose();
            Directory.Dispose();
        }
    }

    /// <summary>Called once by the engine when a full rebuild replaces this lineage.</summary>
    public void Retire() => Release();

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) =>
            new(reader) { Similarity = OfferIndexBuilder.Similarity };
    }
}
