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
