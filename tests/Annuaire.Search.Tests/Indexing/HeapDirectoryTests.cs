using Annuaire.Search.Indexing;
using Lucene.Net.Store;

namespace Annuaire.Search.Tests.Indexing;

public sealed class HeapDirectoryTests
{
    private static HeapDirectory WithFile(string name, Action<IndexOutput> write)
    {
        var directory = new HeapDirectory();
        using var output = directory.CreateOutput(name, IOContext.DEFAULT);
        write(output);
        return directory;
    }

    [Fact]
    public void OpenInput_WhenFileWritten_ReadsBackEveryValueUpToTheLastByte()
    {
        long[] values = [0, 1, 127, 128, 16_383, 16_384, int.MaxValue, long.MaxValue];
        using var directory = WithFile("a", output =>
        {
            foreach (var value in values)
            {
                output.WriteVInt64(value);
                output.WriteInt64(value);
            }

            output.WriteVInt32(int.MaxValue); // The last five bytes: read near the end.
        });

        using var input = directory.OpenInput("a", IOContext.DEFAULT);
        var read = new List<(long Variable, long Fixed)>();
        foreach (var _ in values)
        {
            read.Add((input.ReadVInt64(), input.ReadInt64()));
        }

        Assert.Equal(values.Select(v => (v, v)), read);
        Assert.Equal(int.MaxValue, input.ReadVInt32());
        Assert.Equal(input.Length, input.Position);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }

    [Fact]
    public void CreateOutput_ManyChunks_SameBytesAndChecksumAsLucenesRamFile()
    {
        // Single bytes and arrays across chunk boundaries (4 KB, then doubling up to 1 MB).
        var random = new Random(3);
        var writes = Enumerable.Range(0, 4000).Select(i => i % 3 == 0 ? [(byte)random.Next(256)] : RandomBytes(random, random.Next(1, i % 50 == 0 ? 70_000 : 900))).ToList();
        using var lucene = new RAMDirectory();
        using var heap = new HeapDirectory();
        long expectedChecksum;
        using (var output = lucene.CreateOutput("a", IOContext.DEFAULT))
        {
            Write(output, writes);
            expectedChecksum = output.Checksum;
        }

        using (var output = heap.CreateOutput("a", IOContext.DEFAULT))
        {
            Write(output, writes);
            Assert.Equal(expectedChecksum, output.Checksum);
            Assert.Equal(writes.Sum(w => w.Length), output.Position);
        }

        Assert.Equal(ReadAll(lucene, "a"), ReadAll(heap, "a"));
        Assert.Equal(writes.Sum(w => (long)w.Length), heap.FileLength("a"));
    }

    [Fact]
    public void OpenInput_WhileFileIsWritten_ReadsWhatIsWrittenSoFar()
    {
        using var directory = new HeapDirectory();
        using var output = directory.CreateOutput("a", IOContext.DEFAULT);
        output.WriteBytes(new byte[10_000], 10_000);
        output.WriteByte(7);

        using var input = directory.OpenInput("a", IOContext.DEFAULT);

        Assert.Equal(10_001, input.Length);
        input.Seek(10_000);
        Assert.Equal(7, input.ReadByte());
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static void Write(IndexOutput output, List<byte[]> writes)
    {
        foreach (var bytes in writes)
        {
            if (bytes.Length == 1)
            {
                output.WriteByte(bytes[0]);
            }
            else
            {
                output.WriteBytes(bytes, 0, bytes.Length);
            }
        }
    }

    private static byte[] ReadAll(Lucene.Net.Store.Directory directory, string name)
    {
        using var input = directory.OpenInput(name, IOContext.DEFAULT);
        var bytes = new byte[input.Length];
        input.ReadBytes(bytes, 0, bytes.Length);
        return bytes;
    }

    [Fact]
    public void Clone_WhenOriginalMoves_KeepsItsOwnPosition()
    {
        using var directory = WithFile("b", output => output.WriteBytes([1, 2, 3, 4, 5, 6], 6));
        using var input = directory.OpenInput("b", IOContext.DEFAULT);
        input.Seek(2);
        var clone = (IndexInput)input.Clone();

        Assert.Equal(3, input.ReadByte());
        Assert.Equal(4, input.ReadByte());
        Assert.Equal(3, clone.ReadByte());
        Assert.Equal(6, directory.FileLength("b"));
    }

    [Fact]
    public void CreateSlicer_WhenSliceOpened_ReadsOnlyItsRange()
    {
        using var directory = WithFile("c", output => output.WriteBytes([10, 20, 30, 40, 50], 5));
        using var slicer = directory.CreateSlicer("c", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("milieu", 1, 3);

        var bytes = new byte[3];
        slice.ReadBytes(bytes, 0, 3);

        Assert.Equal([20, 30, 40], bytes);
        Assert.Equal(3, slice.Length);
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
    }

    [Fact]
    public void DeleteFile_WhenFileExists_RemovesItFromTheListing()
    {
        using var directory = WithFile("d", output => output.WriteByte(1));

        directory.DeleteFile("d");

        Assert.Empty(directory.ListAll());
        Assert.Throws<FileNotFoundException>(() => directory.OpenInput("d", IOContext.DEFAULT));
    }
}
