using Annuaire.Search.Querying;
using Annuaire.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Annuaire.Search.Highlighting;

/// <summary>
/// Marks the hits of one search from the offsets stored in the index (postings with offsets on
/// titre, resume and body): only the postings of the search's terms are read, once per search and
/// forward only, at the documents of the page; the body's text is read a page at a time (<see cref="BodyPages"/>),
/// only where a word must be checked and around the chosen passage. Nothing is re-analysed but a
/// few marked words, so the cost does not grow with the length of the description. One instance
/// per search; not thread-safe.
/// </summary>
internal sealed class OffsetHighlighter
{
    /// <summary>Target length of a body snippet, in characters.</summary>
    public const int SnippetLength = 220;

    /// <summary>Characters shown before the first match of a snippet.</summary>
    private const int Lead = 60;

    /// <summary>Occurrences read per term and document: the first ones are enough to place a snippet.</summary>
    private const int MaxOccurrencesPerTerm = 64;

    /// <summary>Pages of a body read to check words a synonym may have placed there.</summary>
    private const int MaxCheckedPages = 4;

    /// <summary>How far a snippet edge moves to reach a word boundary.</summary>
    private const int MaxWordStretch = 40;

    private static readonly string[] Fields = [OfferFields.Titre, OfferFields.Resume, OfferFields.Body];

    private readonly MatchTerms _terms;
    private readonly TermLookups _lookups;
    private readonly IList<AtomicReaderContext> _leaves;

    /// <summary>Bytes of the page being read: decoded at once, so one buffer serves the whole search.</summary>
    private readonly BytesRef _pageBytes = new();
    private readonly Dictionary<(int Doc, string Field), List<Occurrence>> _occurrences = [];
    private readonly Dictionary<(int Leaf, string Field), BinaryDocValues?> _values = [];

    /// <summary>Prepares the marks of <paramref name="docs"/>, the documents of one page of results.</summary>
    public OffsetHighlighter(IndexSearcher searcher, MatchTerms terms, TermLookups lookups, IEnumerable<int> docs)
    {
        _terms = terms;
        _lookups = lookups;
        _leaves = searcher.IndexReader.Leaves;
        ReadOccurrences(docs);
    }

    /// <summary>The whole <paramref name="text"/> (the value indexed in <paramref name="field"/> for <paramref name="doc"/>) with its matches.</summary>
    public MarkedText Mark(int doc, string field, string text) =>
        new(text, Matches(Occurrences(doc, field), (start, end) => end <= text.Length ? text[start..end] : null));

    /// <summary>The passage of the body of <paramref name="doc"/> with the most matches, or null if none.</summary>
    public BodySnippet? Snippet(int doc)
    {
        var found = Occurrences(doc, OfferFields.Body);
        if (found.Count == 0 || Body(doc) is not { } body)
        {
            return null;
        }

        // The body field holds the title, summary… after the body's text (OfferFields.Body): only
        // occurrences within the body's length are in the body (sorted by start, they come first).
        var inBody = found.FindIndex(o => o.End > body.Length);
        found = inBody < 0 ? found : found[..inBody];

        // Checking a word may read its page, up to a few pages per hit: the first occurrences suffice.
        var matches = Matches(found, (start, end) => end <= body.Length && (body.PagesRead < MaxCheckedPages || body.IsRead(start, end)) ? body.Slice(start, end) : null);
        if (matches.Count == 0)
        {
            return null;
        }

        var first = DensestStart(matches);
        var regionStart = Math.Max(0, first - Lead - MaxWordStretch);
        var region = body.Slice(regionStart, Math.Max(0, first - Lead) + SnippetLength + MaxWordStretch);
        var start = Math.Max(0, first - Lead);
        start = start == 0 ? 0 : WordStart(region, start - regionStart) + regionStart;
        var end = Math.Min(body.Length, start + SnippetLength);
        end = end == body.Length ? end : WordEnd(region, end - regionStart) + regionStart;
        var marks = matches.Where(m => m.Start >= start && m.End <= end).Select(m => m with { Start = m.Start - start }).ToList();
        return new BodySnippet(new MarkedText(region.Substring(start - regionStart, end - start), marks), start > 0, end < body.Length);
    }

    private BodyPages.Reader? Body(int doc)
    {
        var leaf = ReaderUtil.SubIndex(doc, _leaves);
        var inLeaf = doc - _leaves[leaf].DocBase;
        if (Values(leaf, OfferFields.BodyPages) is not { } tables)
        {
            return null;
        }

        var table = new BytesRef();
        tables.Get(inLeaf, table);
        return BodyPages.Open(table, page =>
        {
            if (Values(leaf, BodyPages.PageField(page)) is not { } pages)
            {
                return null;
            }

            pages.Get(inLeaf, _pageBytes);
            return _pageBytes;
        });
    }

    private BinaryDocValues? Values(int leaf, string field)
    {
        if (!_values.TryGetValue((leaf, field), out var values))
        {
            values = _leaves[leaf].AtomicReader.GetBinaryDocValues(field);
            _values[(leaf, field)] = values;
        }

        return values;
    }

    /// <summary>Occurrences of the search's terms in one field of one document of the page, by start.</summary>
    private List<Occurrence> Occurrences(int doc, string field) =>
        _occurrences.TryGetValue((doc, field), out var found) ? found : [];

    /// <summary>
    /// Reads the occurrences of every document of the page, field by field, in document order:
    /// each term's postings are opened once per search and only move forward.
    /// </summary>
    private void ReadOccurrences(IEnumerable<int> docs)
    {
        var sorted = docs.Distinct().Order().ToList();
        foreach (var field in Fields)
        {
            var postings = new Dictionary<int, FieldPostings?>();
            foreach (var doc in sorted)
            {
                var leaf = ReaderUtil.SubIndex(doc, _leaves);
                if (!postings.TryGetValue(leaf, out var fieldPostings))
                {
                    var docBase = _leaves[leaf].DocBase;
                    var inLeaf = sorted.Where(d => d >= docBase && d < docBase + _leaves[leaf].AtomicReader.MaxDoc).Select(d => d - docBase).ToList();
                    fieldPostings = FieldPostings.Open(_leaves[leaf], field, _terms, _lookups, inLeaf);
                    postings[leaf] = fieldPostings;
                }

                var found = new List<Occurrence>();
                fieldPostings?.Read(doc - _leaves[leaf].DocBase, found);
                found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
                _occurrences[(doc, field)] = found;
            }
        }
    }

    /// <summary>
    /// The occurrences that are matches, overlapping ones merged. Only the occurrences of terms a
    /// synonym rule may inject have their text read (<paramref name="textOf"/>, null when out of
    /// range) and checked; the others are matches by construction.
    /// </summary>
    private List<MatchSpan> Matches(List<Occurrence> found, Func<int, int, string?> textOf)
    {
        var marks = new List<MatchSpan>();
        foreach (var o in found)
        {
            if (_terms.NeedsCheck(o.Term) && (textOf(o.Start, o.End) is not { } surface || !_terms.Accepts(o.Term, surface)))
            {
                continue;
            }

            if (marks.Count > 0 && o.Start <= marks[^1].End)
            {
                marks[^1] = marks[^1] with { Length = Math.Max(marks[^1].End, o.End) - marks[^1].Start };
            }
            else
            {
                marks.Add(new MatchSpan(o.Start, o.End - o.Start));
            }
        }

        return marks;
    }

    /// <summary>Where the window of about <see cref="SnippetLength"/> characters holding the most matches begins (the first among equals).</summary>
    private static int DensestStart(List<MatchSpan> matches)
    {
        var best = 0;
        var bestCount = 0;
        for (int i = 0, j = 0; i < matches.Count; i++)
        {
            while (j < matches.Count && matches[j].End - matches[i].Start <= SnippetLength)
            {
                j++;
            }

            if (j - i > bestCount)
            {
                (best, bestCount) = (i, j - i);
            }
        }

        return matches[best].Start;
    }

    private static int WordStart(string text, int index)
    {
        var limit = Math.Max(0, index - MaxWordStretch);
        while (index > limit && !char.IsWhiteSpace(text[index - 1]))
        {
            index--;
        }

        return index;
    }

    private static int WordEnd(string text, int index)
    {
        var limit = Math.Min(text.Length, index + MaxWordStretch);
        while (index < limit && !char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }

    /// <summary>Where a term occurs: character offsets in the field's text, and the term's index in <see cref="MatchTerms.Terms"/>.</summary>
    private readonly record struct Occurrence(int Start, int End, int Term);

    /// <summary>
    /// The postings of the search's terms in one field of one segment, looked up once per search.
    /// A term whose decoded postings the search kept (<see cref="PostingsCache"/>) is only read
    /// for the documents that have it: its positions are not opened at all when none of the page has it.
    /// </summary>
    private sealed class FieldPostings
    {
        private readonly List<(int Term, DocsAndPositionsEnum Postings, DecodedPostings? Decoded)> _present;

        private FieldPostings(List<(int, DocsAndPositionsEnum, DecodedPostings?)> present)
        {
            _present = present;
        }

        /// <summary>Null when the field has no offsets or holds none of the terms in this segment's documents <paramref name="docs"/> of the page.</summary>
        /// <remarks>Where each term is in the dictionary comes from <paramref name="lookups"/> (once per generation).</remarks>
        public static FieldPostings? Open(AtomicReaderContext leaf, string field, MatchTerms matchTerms, TermLookups lookups, List<int> docs)
        {
            var terms = leaf.AtomicReader.GetTerms(field);
            if (terms is null || !terms.HasOffsets)
            {
                return null;
            }

            var termsEnum = terms.GetEnumerator();
            var present = new List<(int, DocsAndPositionsEnum, DecodedPostings?)>();
            for (var i = 0; i < matchTerms.Terms.Count; i++)
            {
                var term = new Term(field, matchTerms.Bytes[i]);
                if (lookups.Context(term).Get(leaf.Ord) is not { } state)
                {
                    continue; // Not in this segment's dictionary.
                }

                var decoded = lookups.Postings.Kept(leaf, term);
                if (decoded is not null && !docs.Exists(decoded.Contains))
                {
                    continue; // In none of the page's documents.
                }

                termsEnum.SeekExact(matchTerms.Bytes[i], state);
                if (termsEnum.DocsAndPositions(null, null, DocsAndPositionsFlags.OFFSETS) is { } postings)
                {
                    present.Add((i, postings, decoded));
                }
            }

            return present.Count == 0 ? null : new FieldPostings(present);
        }

        /// <summary>Occurrences in <paramref name="doc"/>; documents must come in increasing order (the postings only move forward).</summary>
        public void Read(int doc, List<Occurrence> into)
        {
            foreach (var (term, postings, decoded) in _present)
            {
                if ((decoded is not null && !decoded.Contains(doc)) || postings.DocID > doc || (postings.DocID < doc && postings.Advance(doc) != doc))
                {
                    continue;
                }

                var count = Math.Min(postings.Freq, MaxOccurrencesPerTerm);
                for (var k = 0; k < count; k++)
                {
                    postings.NextPosition();
                    if (postings.StartOffset >= 0 && postings.EndOffset > postings.StartOffset)
                    {
                        into.Add(new Occurrence(postings.StartOffset, postings.EndOffset, term));
                    }
                }
            }
        }
    }
}
