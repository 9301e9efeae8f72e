using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Annuaire.Search.Tests.Indexing;

/// <summary>
/// A directory on a disk with <paramref name="freeBytes"/> left: the write that crosses the limit
/// fails as a full disk does (IOException "No space left on device"), after the bytes before it landed.
/// </summary>
internal sealed class FullDiskDirectory(LuceneDirectory inner, long freeBytes) : FilterDirectory(inner)
{
    private long _free = freeBytes;

    public override IndexOutput CreateOutput(string name, IOContext context) =>
        new FullDiskOutput(base.CreateOutput(name, context), this);

    private void Consume(long bytes)
    {
        if (Interlocked.Add(ref _free, -bytes) < 0)
        {
            throw new IOException("No space left on device");
        }
    }

    private sealed class FullDiskOutput(IndexOutput inner, FullDiskDirectory disk) : IndexOutput
    {
        public override long Length => inner.Length;

        public override long Checksum => inner.Checksum;

        public override long Position => inner.Position;

        public override void WriteByte(byte b)
        {
            disk.Consume(1);
            inner.WriteByte(b);
        }

        public override void WriteBytes(byte[] b, int offset, int length)
        {
            disk.Consume(length);
            inner.WriteBytes(b, offset, length);
        }

        public override void Flush() => inner.Flush();

        [Obsolete("Seeking is not supported by every Lucene directory; kept only because IndexOutput declares it.")]
        public override void Seek(long pos) => inner.Seek(pos);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
        }
    }
}
