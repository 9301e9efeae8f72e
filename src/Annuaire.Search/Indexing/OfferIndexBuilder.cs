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
    /// <summary>The similarity used at index and search time.</summary>
    internal static Similarity Similarity { get; } = new OfferSimilarity();

    /// <summary>
    /// Writes <paramref name="offers"/> into <paramref name="target"/>, replacing its content.
    /// Readers opened on <paramref name="target"/> before the commit keep seeing the old index.
    /// </summary>
    /// <param name="offers">The offers to index.</param>
    /// <param name="referentials">Labels and territories the documents are built with.</param>
    /// <param name="analyzers">The analysis chain.</param>
    /// <param name="target">The directory to write.</param>
    /// <param name="commitData">Stored with the commit (what the index was built from), or null.</param>
    public static void Build(IEnumerable<Offer> offers, ReferentialSet referentials, OfferAnalyzers analyzers, LuceneDirectory target, IDictionary<string, string>? commitData = null)
    {
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(referentials);
        ArgumentNullException.ThrowIfNull(analyzers);
        var config = new IndexWriterConfig(LuceneSettings.Version, analyzers.Index)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = Similarity,
            RAMBufferSizeMB = 64,
        };
        using var writer = new IndexWriter(target, config);
        foreach (var offer in offers)
        {
            // Keyed by id: re-indexing the same offer replaces it rather than duplicating it.
            writer.UpdateDocument(new Term(OfferFields.Id, offer.Id), OfferDocumentFactory.Create(offer, referentials));
        }

        // One segment: facet ordinals are then global and searches touch a single reader.
        writer.ForceMerge(1);
        if (commitData is not null)
        {
            writer.SetCommitData(commitData);
        }

        writer.Commit();
    }
}
