using System.Text;
using Lucene.Net.Documents;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Annuaire.Search.Indexing;

/// <summary>
/// The plain text of a body kept for snippets as binary doc values: a table in
/// <see cref="OfferFields.BodyPages"/> and page <c>k</c> of the text in UTF-8 in the field
/// <see cref="PageField"/>(k). A snippet reads the page or two around its window and nothing
/// else: a stored field would be decompressed and decoded whole for each hit, and a single
/// binary doc value is copied whole. Pages are not compressed: decoding one costs about a
/// microsecond, where decompressing one would cost more than the rest of the snippet.
/// </summary>
internal static class BodyPages
{
    /// <summary>Characters per page: a snippet window (about 300 characters) spans at most two.</summary>
    public const int PageChars = 4096;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private static readonly string[] PageFields = [.. Enumerable.Range(0, 64).Select(k => $"{OfferFields.BodyPages}_{k}")];

    /// <summary>The field holding page <paramref name="page"/> of every body that has it.</summary>
    public static string PageField(int page) => page < PageFields.Length ? PageFields[page] : $"{OfferFields.BodyPages}_{page}";

    /// <summary>The doc value fields of <paramref name="text"/>: its table, then its pages.</summary>
    public static IEnumerable<Field> Fields(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pages = new List<string>();
        for (var start = 0; start < text.Length;)
        {
            var end = Math.Min(text.Length, start + PageChars);
            if (end < text.Length && char.IsHighSurrogate(text[end - 1]))
            {
                end++; // Never split a surrogate pair: each page decodes on its own.
            }

            pages.Add(text[start..end]);
            start = end;
        }

        var table = new GrowableByteArrayDataOutput(16 + (pages.Count * 2));
        table.WriteVInt32(text.Length);
        table.WriteVInt32(pages.Count);
        foreach (var page in pages)
        {
            table.WriteVInt32(page.Length);
        }

        yield return new BinaryDocValuesField(OfferFields.BodyPages, new BytesRef(table.Bytes, 0, table.Length));
        for (var k = 0; k < pages.Count; k++)
        {
            yield return new BinaryDocValuesField(PageField(k), new BytesRef(Utf8.GetBytes(pages[k])));
        }
    }

    /// <summary>One body, its pages read on demand through <paramref name="page"/> (the bytes of page k, or null).</summary>
    public static Reader Open(BytesRef table, Func<int, BytesRef?> page) => new(table, page);

    /// <summary>One body's pages, read and decoded lazily.</summary>
    internal sealed class Reader
    {
        private readonly Func<int, BytesRef?> _page;
        private readonly int[] _charStart;
        private readonly string?[] _decoded;

        public Reader(BytesRef table, Func<int, BytesRef?> page)
        {
            ArgumentNullException.ThrowIfNull(table);
            _page = page;
            if (table.Length == 0)
            {
                (_charStart, _decoded) = ([0], []);
                return;
            }

            var input = new ByteArrayDataInput(table.Bytes, table.Offset, table.Length);
            Length = input.ReadVInt32();
            var count = input.ReadVInt32();
            _charStart = new int[count + 1];
            _decoded = new string?[count];
            for (var i = 0; i < count; i++)
            {
                _charStart[i + 1] = _charStart[i] + input.ReadVInt32();
            }
        }

        /// <summary>Length of the whole text, in characters.</summary>
        public int Length { get; }

        /// <summary>How many pages have been read so far.</summary>
        public int PagesRead { get; private set; }

        /// <summary>Whether reading [<paramref name="start"/>, <paramref name="end"/>) needs no page beyond those already read.</summary>
        public bool IsRead(int start, int end)
        {
            for (var page = PageOf(start); page < _decoded.Length && _charStart[page] < end; page++)
            {
                if (_decoded[page] is null)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The characters [<paramref name="start"/>, <paramref name="end"/>) of the text, clamped to it.</summary>
        public string Slice(int start, int end)
        {
            start = Math.Clamp(start, 0, Length);
            end = Math.Clamp(end, start, Length);
            var first = PageOf(start);
            if (first < _decoded.Length && end <= _charStart[first + 1])
            {
                return Page(first).Substring(start - _charStart[first], end - start);
            }

            var text = new StringBuilder(end - start);
            for (var page = first; page < _decoded.Length && _charStart[page] < end; page++)
            {
                var from = Math.Max(start, _charStart[page]) - _charStart[page];
                var to = Math.Min(end, _charStart[page + 1]) - _charStart[page];
                text.Append(Page(page), from, to - from);
            }

            return text.ToString();
        }

        private int PageOf(int index)
        {
            var page = Array.BinarySearch(_charStart, index);
            return page >= 0 ? Math.Min(page, Math.Max(0, _decoded.Length - 1)) : ~page - 1;
        }

        private string Page(int page)
        {
            if (_decoded[page] is not { } text)
            {
                var bytes = _page(page);
                text = bytes is null ? new string(' ', _charStart[page + 1] - _charStart[page]) : Utf8.GetString(bytes.Bytes, bytes.Offset, bytes.Length);
                _decoded[page] = text;
                PagesRead++;
            }

            return text;
        }
    }
}
