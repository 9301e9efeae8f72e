using Annuaire.Content.Model;
using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Annuaire.Search.Indexing;

/// <summary>
/// The offers of a saved index, in a file beside the Lucene files (<see cref="FileName"/>), so an
/// index folder is self-contained without the offers living in the index in memory: they used to be
/// a stored field that only a load ever read, held in memory for the life of the index (155 MB at
/// 100,000 offers). Written at save time from the offers served, tied to the commit it was saved
/// with (its segments file name and its live documents), checksummed like a Lucene file.
/// </summary>
/// <remarks>
/// Layout: Lucene codec header; the commit's segments file name; the number of offers; blocks of
/// up to <see cref="BlockOffers"/> offers (count, each JSON length, total length, the JSON
/// compressed with Lucene's fast compression); Lucene footer (CRC32 of everything before it).
/// </remarks>
internal static class SavedOffers
{
    /// <summary>The file's name in the index folder (no leading underscore: never taken for a Lucene file).</summary>
    public const string FileName = "offers.annuaire";

    private const string Codec = "AnnuaireOffers";
    private const int Version = 0;
    private const int BlockOffers = 32;

    /// <summary>Writes <paramref name="offers"/> to <paramref name="target"/>, tied to the commit whose segments file is <paramref name="segmentsFile"/>.</summary>
    public static void Write(LuceneDirectory target, string segmentsFile, IEnumerable<Offer> offers)
    {
        var ordered = offers.OrderBy(o => o.Id, StringComparer.Ordinal).ToList();
        var compressor = CompressionMode.FAST.NewCompressor();
        using var output = target.CreateOutput(FileName, IOContext.DEFAULT);
        CodecUtil.WriteHeader(output, Codec, Version);
        output.WriteString(segmentsFile);
        output.WriteVInt32(ordered.Count);
        var block = new GrowableByteArrayDataOutput(BlockOffers * 4096);
        for (var start = 0; start < ordered.Count; start += BlockOffers)
        {
            var count = Math.Min(BlockOffers, ordered.Count - start);
            var json = new byte[count][];
            block.Length = 0;
            output.WriteVInt32(count);
            for (var i = 0; i < count; i++)
            {
                json[i] = OfferJson.SerializeToUtf8(ordered[start + i]);
                output.WriteVInt32(json[i].Length);
                block.WriteBytes(json[i], 0, json[i].Length);
            }

            output.WriteVInt32(block.Length);
            compressor.Compress(block.Bytes, 0, block.Length, output);
        }

        CodecUtil.WriteFooter(output);
    }

    /// <summary>Reads the offers saved in <paramref name="folder"/> and checks them against the commit read from it.</summary>
    /// <param name="folder">The index folder.</param>
    /// <param name="segmentsFile">The segments file of the commit the Lucene files hold.</param>
    /// <exception cref="CorruptIndexException">Checksum mismatch, or offers of another commit.</exception>
    public static Dictionary<string, Offer> Read(DirectoryInfo folder, string segmentsFile)
    {
        using var directory = new SimpleFSDirectory(folder);
        using var input = directory.OpenChecksumInput(FileName, IOContext.READ_ONCE);
        CodecUtil.CheckHeader(input, Codec, Version, Version);
        var savedWith = input.ReadString();
        if (!string.Equals(savedWith, segmentsFile, StringComparison.Ordinal))
        {
            throw new CorruptIndexException($"Offers saved with {savedWith}, index at {segmentsFile}.");
        }

        var total = input.ReadVInt32();
        var offers = new Dictionary<string, Offer>(total, StringComparer.Ordinal);
        var decompressor = CompressionMode.FAST.NewDecompressor();
        var block = new BytesRef();
        var lengths = new int[BlockOffers];
        while (offers.Count < total)
        {
            var count = input.ReadVInt32();
            if (count is <= 0 or > BlockOffers)
            {
                throw new CorruptIndexException($"Invalid block of {count} offers in {FileName}.");
            }

            for (var i = 0; i < count; i++)
            {
                lengths[i] = input.ReadVInt32();
            }

            var length = input.ReadVInt32();
            decompressor.Decompress(input, length, 0, length, block);
            var at = block.Offset;
            for (var i = 0; i < count; i++)
            {
                var offer = OfferJson.Deserialize(block.Bytes.AsSpan(at, lengths[i]));
                offers[offer.Id] = offer;
                at += lengths[i];
            }
        }

        CodecUtil.CheckFooter(input);
        return offers;
    }
}
