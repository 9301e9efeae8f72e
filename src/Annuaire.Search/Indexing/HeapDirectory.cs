using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.IO.Hashing;
using Lucene.Net.Store;

namespace Annuaire.Search.Indexing;

/// <summary>
/// The in-memory index directory: each file, once written, is one array read without locks.
/// <see cref="RAMDirectory"/> reads through 1 KB buffers and takes a lock at every buffer switch
/// and on every seek (<c>RAMFile.GetBuffer</c>); with postings of tens of thousands of documents
/// per word, a search at national scale spent a sixth of its time acquiring those locks.
/// Lucene writes a file once and never changes it after closing it: a file is written into growing
/// chunks (with its checksum) and sealed into a single array on close;
/// readers and their clones share the array, each with its own position. A file too large for one
/// array (over 2 GB) stays a <see cref="RAMFile"/> read as <see cref="RAMDirectory"/> does.
/// </summary>
internal sealed class HeapDirectory : BaseDirectory
{
    private readonly ConcurrentDictionary<string, HeapFile> _files = new(StringComparer.Ordinal);

    public HeapDirectory() => SetLockFactory(new SingleInstanceLockFactory());

    /// <summary>Reads the files of <paramref name="folder"/> that <paramref name="include"/> accepts into memory (the caller checks checksums).</summary>
    public static HeapDirectory ReadFrom(DirectoryInfo folder, Func<string, bool> include)
    {
        ArgumentNullException.ThrowIfNull(include);
        var directory = new HeapDirectory();
        foreach (var file in folder.EnumerateFiles().Where(f => include(f.Name)))
        {
            if (file.Length < Array.MaxLength)
            {
                directory._files[file.Name] = new HeapFile(File.ReadAllBytes(file.FullName));
                continue;
            }

            using var onDisk = new SimpleFSDirectory(folder);
            onDisk.Copy(directory, file.Name, file.Name, IOContext.READ_ONCE);
        }

        return directory;
    }

    /// <summary>Bytes held by the files (for status and benchmarks).</summary>
    public long SizeInBytes => _files.Values.Sum(f => f.Length);

    public override string[] ListAll()
    {
        EnsureOpen();
        return [.. _files.Keys];
    }

    [Obsolete("Lucene.Net marks it obsolete; required by the abstract Directory.")]
    public override bool FileExists(string name)
    {
        EnsureOpen();
        return _files.ContainsKey(name);
    }

    public override void DeleteFile(string name)
    {
        EnsureOpen();
        if (!_files.TryRemove(name, out _))
        {
            throw new FileNotFoundException(name);
        }
    }

    public override long FileLength(string name)
    {
        EnsureOpen();
        return _files.TryGetValue(name, out var file) ? file.Length : throw new FileNotFoundException(name);
    }

    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        EnsureOpen();
        var file = new HeapFile();
        _files[name] = file;
        return file.Output;
    }

    public override void Sync(ICollection<string> names)
    {
        // Nothing to make durable: the index lives in memory and is saved by copying a commit.
    }

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        if (!_files.TryGetValue(name, out var file))
        {
            throw new FileNotFoundException(name);
        }

        return file.Open(name);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return _files.TryGetValue(name, out var file) && file.Bytes is { } bytes
            ? new ArraySlicer(name, bytes)
            : base.CreateSlicer(name, context);
    }

    protected override void Dispose(bool disposing)
    {
        if (CompareAndSetIsOpen(expect: true, update: false) && disposing)
        {
            _files.Clear();
        }
    }

    /// <summary>
    /// A file: being written (a <see cref="SealingOutput"/>), then sealed into one array, or into a
    /// <see cref="RAMFile"/> when too large for one array.
    /// </summary>
    [SuppressMessage("Design", "CA1001", Justification = "The output is disposed by the Lucene writer that asked for it; the file only reads what it wrote so far.")]
    private sealed class HeapFile
    {
        // Sealed on the writing thread, read by searchers opened later: published with volatile writes.
        private volatile byte[]? _bytes;
        private volatile RAMFile? _large;
        private volatile SealingOutput? _writing;

        public HeapFile(byte[] bytes) => _bytes = bytes;

        public HeapFile() => _writing = new SealingOutput(this);

        public byte[]? Bytes => _bytes;

        public SealingOutput Output => _writing ?? throw new InvalidOperationException("The file is already written.");

        public long Length => _bytes?.LongLength ?? _large?.Length ?? _writing?.Position ?? Length;

        /// <summary>A reader of the sealed array or large file; a file still being written is read as written so far.</summary>
        public IndexInput Open(string name)
        {
            if (_bytes is { } bytes)
            {
                return new ArrayInput(name, bytes, 0, bytes.Length);
            }

            if (_large is { } large)
            {
                return new RAMInputStream(name, large);
            }

            return _writing?.Snapshot() is { } written ? new ArrayInput(name, written, 0, written.Length) : Open(name);
        }

        public void Seal(byte[]? bytes, RAMFile? large)
        {
            _large = large;
            _bytes = bytes;
            _writing = null;
        }
    }

    /// <summary>
    /// Writes into growing chunks (no lock, no 1 KB buffer per switch as
    /// <see cref="RAMOutputStream"/> takes: a sixth of an index build went to those locks) with
    /// Lucene's CRC-32 checksum, and seals the file into one array on close.
    /// </summary>
    private sealed class SealingOutput(HeapFile file) : IndexOutput
    {
        private const int FirstChunk = 4 * 1024;
        private const int LargestChunk = 1024 * 1024;

        private readonly List<byte[]> _full = [];
        private readonly Crc32 _crc = new();
        private byte[] _chunk = GC.AllocateUninitializedArray<byte>(FirstChunk);
        private int _used;
        private int _checksummed;
        private long _fullLength;
        private bool _closed;

        public override long Position => _fullLength + _used;

        public override long Checksum
        {
            get
            {
                ChecksumChunk();
                return _crc.GetCurrentHashAsUInt32();
            }
        }

        public override long Length
        {
            get => Position;
            set
            {
                // A size hint in Lucene 4.8 (RAMOutputStream ignores it too): the file is as long as what is written.
            }
        }

        public override void WriteByte(byte b)
        {
            if (_used == _chunk.Length)
            {
                NextChunk();
            }

            _chunk[_used++] = b;
        }

        public override void WriteBytes(byte[] b, int offset, int length)
        {
            var source = b.AsSpan(offset, length);
            while (source.Length > 0)
            {
                if (_used == _chunk.Length)
                {
                    NextChunk();
                }

                var count = Math.Min(source.Length, _chunk.Length - _used);
                source[..count].CopyTo(_chunk.AsSpan(_used));
                _used += count;
                source = source[count..];
            }
        }

        public override void Flush()
        {
            // Nothing buffered outside the chunks.
        }

        [Obsolete("Lucene.Net marks it obsolete; required by the abstract IndexOutput.")]
        public override void Seek(long pos) => throw new NotSupportedException("Lucene 4.8 writes index files sequentially.");

        /// <summary>What is written so far, as one array (a file read before it is closed: not done by Lucene's writers).</summary>
        public byte[] Snapshot()
        {
            var bytes = new byte[Position];
            CopyTo(bytes);
            return bytes;
        }

        protected override void Dispose(bool disposing)
        {
            if (!disposing || _closed)
            {
                return;
            }

            _closed = true;
            if (Position < Array.MaxLength)
            {
                var bytes = GC.AllocateUninitializedArray<byte>((int)Position);
                CopyTo(bytes);
                file.Seal(bytes, large: null);
            }
            else
            {
                var large = new RAMFile();
                using (var output = new RAMOutputStream(large))
                {
                    foreach (var chunk in _full)
                    {
                        output.WriteBytes(chunk, 0, chunk.Length);
                    }

                    output.WriteBytes(_chunk, 0, _used);
                }

                file.Seal(bytes: null, large);
            }

            _full.Clear();
            _chunk = [];
            _used = 0;
            _checksummed = 0;
        }

        /// <summary>Adds the bytes written since the last call to the checksum (once per chunk, not per byte).</summary>
        private void ChecksumChunk()
        {
            _crc.Append(_chunk.AsSpan(_checksummed, _used - _checksummed));
            _checksummed = _used;
        }

        private void NextChunk()
        {
            ChecksumChunk();
            _full.Add(_chunk);
            _fullLength += _chunk.Length;
            _chunk = GC.AllocateUninitializedArray<byte>(Math.Min(LargestChunk, _chunk.Length * 2));
            _used = 0;
            _checksummed = 0;
        }

        private void CopyTo(Span<byte> destination)
        {
            foreach (var chunk in _full)
            {
                chunk.CopyTo(destination);
                destination = destination[chunk.Length..];
            }

            _chunk.AsSpan(0, _used).CopyTo(destination);
        }
    }

    private sealed class ArraySlicer(string name, byte[] bytes) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset + length > bytes.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), $"Slice {offset}+{length} outside {name} ({bytes.Length} bytes).");
            }

            return new ArrayInput($"{name} [slice={sliceDescription}]", bytes, (int)offset, (int)length);
        }

        [Obsolete("Lucene.Net marks it obsolete; required by the abstract IndexInputSlicer.")]
        public override IndexInput OpenFullSlice() => new ArrayInput(name, bytes, 0, bytes.Length);

        protected override void Dispose(bool disposing)
        {
        }
    }

    /// <summary>Reads a range of an array; clones share the array, each with its own position. No locks.</summary>
    private sealed class ArrayInput : IndexInput
    {
        private readonly byte[] _bytes;
        private readonly int _start;
        private readonly int _end;
        private int _position;

        public ArrayInput(string description, byte[] bytes, int start, int length)
            : base(description)
        {
            _bytes = bytes;
            _start = start;
            _end = start + length;
            _position = start;
        }

        public override long Position => _position - _start;

        public override long Length => _end - _start;

        public override void Seek(long pos)
        {
            if (pos < 0 || pos > Length)
            {
                throw new EndOfStreamException($"Seek to {pos} outside {this} ({Length} bytes).");
            }

            _position = _start + (int)pos;
        }

        public override byte ReadByte()
        {
            if (_position >= _end)
            {
                throw new EndOfStreamException($"Read past the end of {this}.");
            }

            return _bytes[_position++];
        }

        public override void ReadBytes(byte[] b, int offset, int len)
        {
            if (len > _end - _position)
            {
                throw new EndOfStreamException($"Read past the end of {this}.");
            }

            Buffer.BlockCopy(_bytes, _position, b, offset, len);
            _position += len;
        }

        public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(2));

        public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

        public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

        public override int ReadVInt32()
        {
            if (_end - _position < 5)
            {
                return base.ReadVInt32(); // Near the end: byte by byte, with end-of-file checks.
            }

            var b = _bytes[_position++];
            var value = b & 0x7F;
            for (var shift = 7; b > 0x7F; shift += 7)
            {
                if (shift > 28)
                {
                    throw new IOException($"Invalid VInt32 in {this}.");
                }

                b = _bytes[_position++];
                value |= (b & 0x7F) << shift;
            }

            return value;
        }

        public override long ReadVInt64()
        {
            if (_end - _position < 9)
            {
                return base.ReadVInt64();
            }

            var b = _bytes[_position++];
            long value = b & 0x7F;
            for (var shift = 7; b > 0x7F; shift += 7)
            {
                if (shift > 56)
                {
                    throw new IOException($"Invalid VInt64 in {this}.");
                }

                b = _bytes[_position++];
                value |= (long)(b & 0x7F) << shift;
            }

            return value;
        }

        public override void SkipBytes(long numBytes)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(numBytes);
            Seek(Position + numBytes);
        }

        public override object Clone() => MemberwiseClone();

        protected override void Dispose(bool disposing)
        {
            // The array belongs to the directory; clones and the original share it.
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count > _end - _position)
            {
                throw new EndOfStreamException($"Read past the end of {this}.");
            }

            var span = _bytes.AsSpan(_position, count);
            _position += count;
            return span;
        }
    }
}
