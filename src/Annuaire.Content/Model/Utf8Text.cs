using System.Text;

namespace Annuaire.Content.Model;

/// <summary>
/// A long text held as UTF-8 and decoded on each read: French prose takes about one byte per
/// character instead of two. For offer bodies, read once to index and once per page view, while
/// a national catalogue holds hundreds of megabytes of them. Text that UTF-8 cannot represent
/// exactly (a lone surrogate) is kept as it is.
/// </summary>
internal sealed class Utf8Text : IEquatable<Utf8Text>
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[]? _bytes;
    private readonly string? _text;

    public Utf8Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            _bytes = Strict.GetBytes(text);
        }
        catch (EncoderFallbackException)
        {
            _text = text; // A lone surrogate: rare (text read from UTF-8 files has none), kept exactly.
        }
    }

    /// <summary>The text.</summary>
    public override string ToString() => _text ?? Strict.GetString(_bytes!);

    public bool Equals(Utf8Text? other) =>
        other is not null && (ReferenceEquals(this, other) || (_bytes is not null && other._bytes is not null
            ? _bytes.AsSpan().SequenceEqual(other._bytes)
            : string.Equals(ToString(), other.ToString(), StringComparison.Ordinal)));

    public override bool Equals(object? obj) => Equals(obj as Utf8Text);

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
