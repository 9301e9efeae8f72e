using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;

namespace Annuaire.Search.Analysis;

/// <summary>
/// For a token with diacritics, also emits its accent-free spelling at the same position.
/// The French light stemmer reads accents (« mobilité » and « mobilite » stem differently), so
/// folding after it is not enough: advisers type without accents. Emitting both spellings
/// before the stemmer makes the accented and the unaccented forms meet whatever their ending.
/// </summary>
public sealed class FoldedVariantFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly char[] _folded = new char[512];
    private State? _pending;
    private string? _pendingText;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public FoldedVariantFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (_pending is not null)
        {
            RestoreState(_pending);
            _term.SetEmpty().Append(_pendingText);
            _position.PositionIncrement = 0;
            _pending = null;
            _pendingText = null;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        var length = _term.Length;
        var buffer = _term.Buffer;
        var hasNonAscii = false;
        for (var i = 0; i < length; i++)
        {
            if (buffer[i] >= '\u0080')
            {
                hasNonAscii = true;
                break;
            }
        }

        if (hasNonAscii && length <= _folded.Length / 4)
        {
            var foldedLength = ASCIIFoldingFilter.FoldToASCII(buffer, 0, _folded, 0, length);
            var folded = new string(_folded, 0, foldedLength);
            if (!folded.AsSpan().SequenceEqual(buffer.AsSpan(0, length)))
            {
                _pending = CaptureState();
                _pendingText = folded;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _pending = null;
        _pendingText = null;
    }
}
