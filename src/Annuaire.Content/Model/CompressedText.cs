using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace Annuaire.Content.Model;

/// <summary>
/// A long text held compressed (UTF-8, then Brotli at a fast level) and decoded on each read. For
/// offer bodies: read once to index and once per page view or export, while a national catalogue
/// holds hundreds of megabytes of them (French prose: about 2.3 times smaller than UTF-8, which is
/// itself half of a .NET string). A short text, or one that does not shrink, is kept as UTF-8; text
/// that UTF-8 cannot represent exactly (a lone surrogate) is kept as it is.
/// </summary>
internal sealed class CompressedText : IEquatable<CompressedText>
{
    /// <summary>Below this many UTF-8 bytes the text is not compressed (the gain would not pay the decoding).</summary>
    private const int MinCompressedBytes = 256;

    /// <summary>Brotli quality 2: compresses as well as level 4 within 5 % and several times faster (measured on generated bodies).</summary>
    private const int Quality = 2;

    private const int Window = 22;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[]? _bytes;
    private readonly int _utf8Length; // Of the text in UTF-8; _bytes is compressed when it is shorter.
    private readonly string? _text;

    public CompressedText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[] utf8;
        try
        {
            utf8 = Strict.GetBytes(text);
        }
        catch (EncoderFallbackException)
        {
            _text = text; // A lone surrogate: rare (text read from UTF-8 files has none), kept exactly.
            return;
        }

        _utf8Length = utf8.Length;
        _bytes = utf8.Length < MinCompressedBytes ? utf8 : Compress(utf8);
    }

    /// <summary>The text.</summary>
    public override string ToString()
    {
        if (_text is not null)
        {
            return _text;
        }

        if (_bytes!.Length == _utf8Length)
        {
            return Strict.GetString(_bytes);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(_utf8Length);
        try
        {
            if (!BrotliDecoder.TryDecompress(_bytes, buffer.AsSpan(0, _utf8Length), out var written) || written != _utf8Length)
            {
                throw new InvalidDataException("Compressed text could not be decoded.");
            }

            return Strict.GetString(buffer, 0, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The compressed bytes, or <paramref name="utf8"/> itself when compressing does not make it shorter.</summary>
    private static byte[] Compress(byte[] utf8)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(utf8.Length));
        try
        {
            return BrotliEncoder.TryCompress(utf8, buffer, out var written, Quality, Window) && written < utf8.Length
                ? buffer[..written]
                : utf8;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The same text gives the same bytes (Brotli is deterministic at a given quality and window).
    public bool Equals(CompressedText? other) =>
        other is not null && (ReferenceEquals(this, other) || (_bytes is not null && other._bytes is not null
            ? _utf8Length == other._utf8Length && _bytes.AsSpan().SequenceEqual(other._bytes)
            : string.Equals(ToString(), other.ToString(), StringComparison.Ordinal)));

    public override bool Equals(object? obj) => Equals(obj as CompressedText);

    public override int GetHashCode()
    {
        if (_bytes is null)
        {
            return string.GetHashCode(_text, StringComparison.Ordinal);
        }

        var hash = default(HashCode);
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }
}
