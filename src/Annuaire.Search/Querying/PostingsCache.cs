using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Annuaire.Search.Querying;

/// <summary>
/// The postings of frequent terms, decoded once into plain arrays: a search that walks a common
/// word (« aide », « emploi ») with a rarer one advances the common word's list to each document of
/// the rarer one. Lucene's lists are compressed in blocks of 128 documents: every advance decodes a
/// block and scans it, which was a third of a search at 100,000 offers. Decoded, an advance is a
/// bit test (<see cref="DecodedPostings"/>). Only terms found in at least <see cref="MinDocFreq"/>
/// documents of a segment are kept (rarer lists are short to decode), up to <see cref="MaxBytes"/>
/// in all: when full, the less used half is forgotten (the words advisers use most stay). Postings
/// do not change with deletions: one cache serves every generation of an index, keyed by segment,
/// and forgets the segments a new generation no longer has (<see cref="Retain"/>).
/// </summary>
internal sealed class PostingsCache
{
    /// <summary>Documents of a segment below which a term's postings are read from the index, by default.</summary>
    public const int DefaultMinDocFreq = 1024;

    /// <summary>Bytes of decoded postings kept, at most.</summary>
    public const long DefaultMaxBytes = 32L << 20;

    private readonly ConditionalWeakTable<object, ConcurrentDictionary<Term, Entry>> _segments = new();
    private readonly Lock _eviction = new();
    private long _bytes;

    public PostingsCache(long maxBytes = DefaultMaxBytes, int minDocFreq = DefaultMinDocFreq)
    {
        MaxBytes = maxBytes;
        MinDocFreq = minDocFreq;
    }

    /// <summary>Bytes of decoded postings kept, at most.</summary>
    public long MaxBytes { get; }

    /// <summary>Documents of a segment below which a term's postings are read from the index.</summary>
    public int MinDocFreq { get; }

    /// <summary>Bytes of decoded postings kept now.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Terms kept now, all segments together.</summary>
    public int Count => Segments().Sum(s => s.Value.Count);

    /// <summary>Keeps only the segments of <paramref name="reader"/> (a new generation of the index); returns this cache.</summary>
    public PostingsCache Retain(IndexReader reader)
    {
        var live = reader.Leaves.Select(l => l.AtomicReader.CoreCacheKey).ToHashSet(ReferenceEqualityComparer.Instance);
        lock (_eviction)
        {
            foreach (var (key, terms) in Segments())
            {
                if (!live.Contains(key))
                {
                    _segments.Remove(key);
                    Interlocked.Add(ref _bytes, -terms.Values.Sum(e => e.Postings.Bytes));
                }
            }
        }

        return this;
    }

    /// <summary>
    /// The decoded postings of <paramref name="term"/> in the segment <paramref name="context"/>
    /// (positioned on it by <paramref name="termsEnum"/>), or null when the term is too rare there
    /// to gain from it.
    /// </summary>
    public DecodedPostings? Get(AtomicReaderContext context, Term term, TermsEnum termsEnum)
    {
        if (termsEnum.DocFreq < MinDocFreq)
        {
            return null;
        }

        var terms = _segments.GetValue(context.AtomicReader.CoreCacheKey, _ => new ConcurrentDictionary<Term, Entry>());
        if (terms.TryGetValue(term, out var entry))
        {
            entry.Uses++; // Counted loosely: a lost increment under concurrency does not matter.
            return entry.Postings;
        }

        var postings = DecodedPostings.Read(termsEnum, context.AtomicReader.MaxDoc);
        if (Interlocked.Read(ref _bytes) + postings.Bytes > MaxBytes)
        {
            ForgetLessUsed();
        }

        // Kept if there is room; used by this search either way.
        if (Interlocked.Read(ref _bytes) + postings.Bytes <= MaxBytes && terms.TryAdd(term, new Entry(postings)))
        {
            Interlocked.Add(ref _bytes, postings.Bytes);
        }

        return postings;
    }

    /// <summary>The decoded postings of <paramref name="term"/> in the segment <paramref name="context"/> if they are kept, else null (never decodes).</summary>
    public DecodedPostings? Kept(AtomicReaderContext context, Term term) =>
        _segments.TryGetValue(context.AtomicReader.CoreCacheKey, out var terms) && terms.TryGetValue(term, out var entry) ? entry.Postings : null;

    /// <summary>Forgets every decoded list.</summary>
    public void Forget()
    {
        lock (_eviction)
        {
            _segments.Clear();
            Interlocked.Exchange(ref _bytes, 0);
        }
    }

    /// <summary>Forgets the less used half of the lists and halves the others' counts (recent use then weighs more).</summary>
    private void ForgetLessUsed()
    {
        lock (_eviction)
        {
            if (Interlocked.Read(ref _bytes) <= MaxBytes / 2)
            {
                return; // Another search just made room.
            }

            var entries = Segments().SelectMany(s => s.Value.Select(e => (Terms: s.Value, e.Key, e.Value))).OrderBy(e => e.Value.Uses).ToList();
            foreach (var (terms, term, entry) in entries.Take(entries.Count / 2 + 1))
            {
                if (terms.TryRemove(term, out _))
                {
                    Interlocked.Add(ref _bytes, -entry.Postings.Bytes);
                }
            }

            foreach (var (_, _, entry) in entries)
            {
                entry.Uses /= 2;
            }

            // Counted again from what is kept: lists of segments collected since are not counted any more.
            Interlocked.Exchange(ref _bytes, Segments().Sum(s => s.Value.Values.Sum(e => e.Postings.Bytes)));
        }
    }

    private List<KeyValuePair<object, ConcurrentDictionary<Term, Entry>>> Segments() =>
        ((IEnumerable<KeyValuePair<object, ConcurrentDictionary<Term, Entry>>>)_segments).ToList();

    private sealed class Entry(DecodedPostings postings)
    {
        public DecodedPostings Postings { get; } = postings;

        public int Uses { get; set; } = 1;
    }
}

/// <summary>
/// One term's postings in one segment, as a bit per document (a term in more than one document in
/// 32 takes less room this way than as a list of numbers; frequent terms are this case) or as the
/// sorted list of its documents, with each document's frequency (a byte; the rare larger ones kept
/// apart). Deleted documents are in it: the scorer skips them as Lucene's postings do.
/// </summary>
internal sealed class DecodedPostings
{
    /// <summary>Bits in a line of <see cref="Bits"/> whose rank is kept (8 words: one cache line).</summary>
    private const int LineShift = 9;

    private DecodedPostings(int[]? docs, ulong[]? bits, int[]? lineRanks, byte[] freqs, Dictionary<int, int>? largeFreqs)
    {
        Docs = docs;
        Bits = bits;
        LineRanks = lineRanks;
        Freqs = freqs;
        LargeFreqs = largeFreqs;
    }

    /// <summary>The documents in increasing order, when the term is not dense (else null).</summary>
    public int[]? Docs { get; }

    /// <summary>A bit per document of the segment, when the term is dense (else null).</summary>
    public ulong[]? Bits { get; }

    /// <summary>For each line of 512 bits of <see cref="Bits"/>, the documents before it.</summary>
    private int[]? LineRanks { get; }

    /// <summary>The frequency of each document in order, <see cref="byte.MaxValue"/> meaning « see <see cref="LargeFreqs"/> ».</summary>
    private byte[] Freqs { get; }

    /// <summary>Frequencies of <see cref="byte.MaxValue"/> or more, by rank of the document.</summary>
    private Dictionary<int, int>? LargeFreqs { get; }

    /// <summary>Documents of the term.</summary>
    public int Count => Freqs.Length;

    /// <summary>Memory held (approximately).</summary>
    public long Bytes => ((Docs?.Length ?? 0) * 4L) + ((Bits?.Length ?? 0) * 8L) + ((LineRanks?.Length ?? 0) * 4L) + Freqs.Length + ((LargeFreqs?.Count ?? 0) * 24L) + 96;

    /// <summary>The frequency of the document of rank <paramref name="rank"/> (its index among the term's documents).</summary>
    public int FreqAt(int rank) => Freqs[rank] is var f && f == byte.MaxValue ? LargeFreqs![rank] : f;

    /// <summary>Whether the term is in <paramref name="doc"/> (deleted or not).</summary>
    public bool Contains(int doc) => Bits is { } bits
        ? (uint)(doc >> 6) < (uint)bits.Length && (bits[doc >> 6] & (1UL << (doc & 63))) != 0
        : Array.BinarySearch(Docs!, doc) >= 0;

    /// <summary>The rank of <paramref name="doc"/>, a document of the term, among its documents (dense terms).</summary>
    public int RankOf(int doc)
    {
        var bits = Bits!;
        var word = doc >> 6;
        var rank = LineRanks![doc >> LineShift];
        for (var w = word & ~7; w < word; w++)
        {
            rank += BitOperations.PopCount(bits[w]);
        }

        return rank + BitOperations.PopCount(bits[word] & ((1UL << (doc & 63)) - 1));
    }

    /// <summary>Reads the postings <paramref name="termsEnum"/> is positioned on (every document, deleted or not) in a segment of <paramref name="maxDoc"/> documents.</summary>
    public static DecodedPostings Read(TermsEnum termsEnum, int maxDoc)
    {
        var docFreq = termsEnum.DocFreq;
        var dense = (long)docFreq * 32 > maxDoc;
        var docs = dense ? null : new int[docFreq];
        var bits = dense ? new ulong[(maxDoc + 63) >> 6] : null;
        var freqs = new byte[docFreq];
        Dictionary<int, int>? large = null;
        var enumerator = termsEnum.Docs(null, null, DocsFlags.FREQS);
        var n = 0;
        for (var doc = enumerator.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS && n < docFreq; doc = enumerator.NextDoc())
        {
            if (bits is null)
            {
                docs![n] = doc;
            }
            else
            {
                bits[doc >> 6] |= 1UL << (doc & 63);
            }

            var freq = enumerator.Freq;
            if (freq >= byte.MaxValue)
            {
                (large ??= [])[n] = freq;
                freqs[n] = byte.MaxValue;
            }
            else
            {
                freqs[n] = (byte)freq;
            }

            n++;
        }

        int[]? lineRanks = null;
        if (bits is not null)
        {
            lineRanks = new int[(bits.Length + 7) >> 3];
            var rank = 0;
            for (var w = 0; w < bits.Length; w++)
            {
                if ((w & 7) == 0)
                {
                    lineRanks[w >> 3] = rank;
                }

                rank += BitOperations.PopCount(bits[w]);
            }
        }

        if (n != docFreq)
        {
            // DocFreq counts every document of the segment, deleted or not: a shorter list is not expected, but kept exact.
            docs = docs is null ? null : docs[..n];
            freqs = freqs[..n];
        }

        return new DecodedPostings(docs, bits, lineRanks, freqs, large);
    }
}
