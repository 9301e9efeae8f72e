using Annuaire.Search.Facets;
using Annuaire.Search.Indexing;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Annuaire.Search.Tests.Facets;

/// <summary>The facet rows: every value of every field of a document, read fresh or copied from the previous generation.</summary>
public sealed class FacetOrdinalsTests
{
    private static readonly string[] Fields = ["f_a", "f_b", "f_c"];

    [Fact]
    public void Load_RowHoldsEachDocumentsValuesOfEveryField()
    {
        using var writer = Writer(out var directory);
        Add(writer, ("f_a", "x"), ("f_b", "1"), ("f_b", "2"));
        Add(writer);
        Add(writer, ("f_c", "z"), ("f_a", "y"));
        writer.Commit();
        using var reader = DirectoryReader.Open(directory);

        var ordinals = FacetOrdinals.Load(reader, Fields);

        Assert.Equal(
            [["f_a=x", "f_b=1", "f_b=2"], [], ["f_a=y", "f_c=z"]],
            Enumerable.Range(0, reader.MaxDoc).Select(d => Row(ordinals, d)));
    }

    [Fact]
    public void Load_AfterChanges_GivesTheRowsOfAFreshLoad()
    {
        using var writer = Writer(out var directory);
        for (var i = 0; i < 30; i++)
        {
            Add(writer, ("f_a", "a" + (i % 4)), ("f_b", "b" + (i % 3)));
            if (i % 10 == 9)
            {
                writer.Commit(); // Three segments.
            }
        }

        using var first = DirectoryReader.Open(directory);
        var before = FacetOrdinals.Load(first, Fields);

        // A change: a deletion, new documents with new values in a new segment.
        writer.DeleteDocuments(new Lucene.Net.Index.Term("f_a", "a1"));
        Add(writer, ("f_a", "nouveau"), ("f_c", "c"));
        Add(writer, ("f_b", "b0"));
        writer.Commit();
        using var second = DirectoryReader.OpenIfChanged(first)!;

        var copied = FacetOrdinals.Load(second, Fields, before);
        var fresh = FacetOrdinals.Load(second, Fields);

        Assert.Equal(second.MaxDoc, copied.Starts.Length - 1);
        Assert.Equal(
            Enumerable.Range(0, second.MaxDoc).Select(d => Row(fresh, d)),
            Enumerable.Range(0, second.MaxDoc).Select(d => Row(copied, d)));
        Assert.Contains("nouveau", copied.Values[0]);
        Assert.Equal(before.Values[0], copied.Values[0].Take(before.Values[0].Length)); // Values keep their numbers.
    }

    [Fact]
    public void Collector_CountsOnlyItsFields()
    {
        using var writer = Writer(out var directory);
        Add(writer, ("f_a", "x"), ("f_b", "1"));
        Add(writer, ("f_a", "x"), ("f_b", "2"), ("f_c", "z"));
        writer.Commit();
        using var reader = DirectoryReader.Open(directory);
        var ordinals = FacetOrdinals.Load(reader, Fields);
        var all = new FacetCountCollector(ordinals, Fields);
        var onlyB = new FacetCountCollector(ordinals, ["f_b"]);

        foreach (var collector in new[] { all, onlyB })
        {
            collector.SetNextReader(reader.Leaves[0]);
            collector.Collect(0);
            collector.Collect(1);
        }

        Assert.Equal(new Dictionary<string, int> { ["x"] = 2 }, all.Counts("f_a"));
        Assert.Equal(new Dictionary<string, int> { ["1"] = 1, ["2"] = 1 }, all.Counts("f_b"));
        Assert.Equal(new Dictionary<string, int> { ["z"] = 1 }, all.Counts("f_c"));
        Assert.Equal(new Dictionary<string, int> { ["1"] = 1, ["2"] = 1 }, onlyB.Counts("f_b"));
        Assert.Throws<ArgumentException>(() => onlyB.Counts("f_a"));
    }

    private static List<string> Row(FacetOrdinals ordinals, int doc) =>
        [.. ordinals.Codes[ordinals.Starts[doc]..ordinals.Starts[doc + 1]]
            .Select(code => $"{ordinals.Fields[FacetOrdinals.FieldOf(code)]}={ordinals.Values[FacetOrdinals.FieldOf(code)][FacetOrdinals.ValueOf(code)]}")
            .Order(StringComparer.Ordinal)];

    private static IndexWriter Writer(out HeapDirectory directory)
    {
        directory = new HeapDirectory();
        return new IndexWriter(directory, new IndexWriterConfig(LuceneSettings.Version, new WhitespaceAnalyzer(LuceneSettings.Version)) { MergePolicy = NoMergePolicy.NO_COMPOUND_FILES });
    }

    private static void Add(IndexWriter writer, params (string Field, string Value)[] values)
    {
        var doc = new Document();
        foreach (var (field, value) in values)
        {
            doc.Add(new StringField(field, value, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        }

        writer.AddDocument(doc);
    }
}
