using Annuaire.Content.Model;
using Annuaire.Content.Referentials;
using Annuaire.Search.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Annuaire.Search.Indexing;

/// <summary>Writes offers into a Lucene directory: a complete, merged, committed index.</summary>
public static class OfferIndexBuilder
{
    /// <summary>Offers per slice: small enough to balance the cores, large enough that a slice is one flush.</summary>
    internal const int SliceSize = 10_000;

    /// <summary>RAM buffer of each slice's writer: a slice is flushed once, never merged on the way.</summary>
    private const double SliceBufferMB = 256;

    /// <summary>The similarity used at index and search time.</summary>
    internal static Similarity Similarity { get; } = new OfferSimilarity();

    /// <summary>
    /// Writes <paramref name="offers"/> into <paramref name="target"/>, replacing its content.
    /// Readers opened on <paramref name="target"/> before the commit keep seeing the old index.
    /// An id given twice keeps its last offer, as re-indexing it would.
    /// </summary>
    /// <param name="offers">The offers to index.</param>
    /// <param name="referentials">Labels and territories the documents are built with.</param>
    /// <param name="analyzers">The analysis chain.</param>
    /// <param name="target">The directory to write.</param>
    /// <param name="commitData">Stored with the commit (what the index was built from), or null.</param>
    /// <remarks>
    /// Analysis is most of the cost, so slices of the offers are indexed in parallel, each by its
    /// own writer into its own in-memory directory, and then merged in slice order into one segment
    /// (facet ordinals are then global and searches touch a single reader). Documents keep the order
    /// of <paramref name="offers"/> whatever the scheduling: equal scores rank the same from one
    /// build to the next.
    /// </remarks>
    public static void Build(IEnumerable<Offer> offers, ReferentialSet referentials, OfferAnalyzers analyzers, LuceneDirectory target, IDictionary<string, string>? commitData = null) =>
        Build(offers, referentials, analyzers, target, commitData, SliceSize);

    /// <summary><see cref="Build(IEnumerable{Offer}, ReferentialSet, OfferAnalyzers, LuceneDirectory, IDictionary{string, string}?)"/> with slices of <paramref name="sliceSize"/> offers.</summary>
    internal static void Build(IEnumerable<Offer> offers, ReferentialSet referentials, OfferAnalyzers analyzers, LuceneDirectory target, IDictionary<string, string>? commitData, int sliceSize)
    {
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(referentials);
        ArgumentNullException.ThrowIfNull(analyzers);
        var unique = LastOfEachId(offers);
        var slices = new HeapDirectory[(unique.Count + sliceSize - 1) / sliceSize];
        try
        {
            Parallel.For(0, slices.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, slice =>
            {
                var directory = new HeapDirectory();
                slices[slice] = directory;
                var config = new IndexWriterConfig(LuceneSettings.Version, analyzers.Index)
                {
                    OpenMode = OpenMode.CREATE,
                    Similarity = Similarity,
                    RAMBufferSizeMB = SliceBufferMB,
                    UseCompoundFile = false, // Read once by the merge: packing it into one file first is a copy for nothing.
                    // One thread per slice: documents are flushed in the order they were added,
                    // and only adjacent segments are merged, so the slice keeps the input order.
                    MergePolicy = new LogByteSizeMergePolicy(),
                    MergeScheduler = new SerialMergeScheduler(),
                };
                using var writer = new IndexWriter(directory, config);
                var keywords = new KeywordFields();
                var end = Math.Min(unique.Count, (slice + 1) * sliceSize);
                for (var i = slice * sliceSize; i < end; i++)
                {
                    writer.AddDocument(OfferDocumentFactory.Create(unique[i], referentials, keywords));
                }

                writer.Commit();
            });

            var targetConfig = new IndexWriterConfig(LuceneSettings.Version, analyzers.Index)
            {
                OpenMode = OpenMode.CREATE,
                Similarity = Similarity,
            };
            using var writer = new IndexWriter(target, targetConfig);
            IndexReader[] readers = [.. slices.Select(slice => DirectoryReader.Open(slice))];
            try
            {
                // One merge of every slice, in order, into a single new segment.
                writer.AddIndexes(readers);
            }
            finally
            {
                foreach (var reader in readers)
                {
                    reader.Dispose();
                }
            }

            if (commitData is not null)
            {
                writer.SetCommitData(commitData);
            }

            writer.Commit();
        }
        finally
        {
            foreach (var slice in slices)
            {
                slice?.Dispose();
            }
        }
    }

    /// <summary>The offers in their order, an id given twice counting once, at its last place.</summary>
    private static List<Offer> LastOfEachId(IEnumerable<Offer> offers)
    {
        var all = offers.ToList();
        var last = new Dictionary<string, int>(all.Count, StringComparer.Ordinal);
        for (var i = 0; i < all.Count; i++)
        {
            last[all[i].Id] = i;
        }

        return last.Count == all.Count ? all : [.. all.Where((offer, i) => last[offer.Id] == i)];
    }
}
