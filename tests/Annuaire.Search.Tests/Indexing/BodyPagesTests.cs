using System.Text;
using Annuaire.Search.Indexing;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Annuaire.Search.Tests.Indexing;

public sealed class BodyPagesTests
{
    /// <summary>Writes <paramref name="text"/> as a document's pages and opens them back, through a real index.</summary>
    private static BodyPages.Reader Pages(string text)
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneSettings.Version, new KeywordAnalyzer())))
        {
            var doc = new Document();
            foreach (var field in BodyPages.Fields(text))
            {
                doc.Add(field);
            }

            writer.AddDocument(doc);
            writer.Commit();
        }

        using var reader = DirectoryReader.Open(directory);
        var leaf = reader.Leaves[0].AtomicReader;
        var table = new BytesRef();
        leaf.GetBinaryDocValues(OfferFields.BodyPages).Get(0, table);

        // Pages are copied out now: the reader's index is closed when this method returns.
        var pages = Enumerable.Range(0, (text.Length / BodyPages.PageChars) + 2)
            .Select(k => leaf.GetBinaryDocValues(BodyPages.PageField(k)) is { } values ? Copy(values) : null)
            .ToList();
        return BodyPages.Open(BytesRef.DeepCopyOf(table), k => pages[k]);
    }

    private static BytesRef Copy(BinaryDocValues values)
    {
        var bytes = new BytesRef();
        values.Get(0, bytes);
        return BytesRef.DeepCopyOf(bytes);
    }

    private static string Text(int length)
    {
        var text = new StringBuilder(length + 8);
        for (var i = 0; text.Length < length; i++)
        {
            // Accents, a surrogate pair and line breaks across page boundaries.
            text.Append(i % 7 == 0 ? "hébergé " : i % 11 == 0 ? "🙂 " : i % 13 == 0 ? "fin.\n" : "mot" + i + " ");
        }

        return text.ToString(0, length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(BodyPages.PageChars)]
    [InlineData((BodyPages.PageChars * 3) + 17)]
    [InlineData(200_000)]
    public void Slice_WhenAnyRange_GivesTheSameCharactersAsTheText(int length)
    {
        var text = Text(length);
        var pages = Pages(text);

        Assert.Equal(text.Length, pages.Length);
        Assert.Equal(text, pages.Slice(0, text.Length));
        var random = new Random(length);
        for (var i = 0; i < 200; i++)
        {
            var start = random.Next(0, text.Length + 1);
            var end = random.Next(start, Math.Min(text.Length, start + 700) + 1);
            Assert.Equal(text[start..end], pages.Slice(start, end));
        }
    }

    [Fact]
    public void Encode_WhenSurrogatePairOnAPageBoundary_KeepsThePairWhole()
    {
        var text = new string('a', BodyPages.PageChars - 1) + "🙂" + "fin";
        var pages = Pages(text);
        Assert.Equal("🙂fin", pages.Slice(BodyPages.PageChars - 1, text.Length));
    }

    [Fact]
    public void Slice_WhenInTheMiddleOfALongText_ReadsOnlyThePagesAroundIt()
    {
        var text = Text(200_000);
        var pages = Pages(text);

        Assert.Equal(text[100_000..100_300], pages.Slice(100_000, 100_300));
        Assert.InRange(pages.PagesRead, 1, 2);
        Assert.True(pages.IsRead(100_000, 100_300));
        Assert.False(pages.IsRead(0, 10));
    }

    [Fact]
    public void Slice_WhenOutOfRange_IsClampedToTheText()
    {
        var pages = Pages("court");
        Assert.Equal("urt", pages.Slice(2, 99));
        Assert.Equal(string.Empty, pages.Slice(7, 9));
    }
}
