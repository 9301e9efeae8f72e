using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Annuaire.Search.Analysis;

/// <summary>
/// Lower-cases each token exactly as Lucene's <c>LowerCaseFilter</c> does (invariant culture,
/// code point by code point), through a table of the 65,536 UTF-16 units built once. Lucene.Net's
/// filter asks the culture to lower-case each token that is not plain ASCII, a call into ICU that
/// took an eighth of an index build of French text. Tokens with surrogate pairs (rare: emoji,
/// historic scripts) are lower-cased by the culture as before.
/// </summary>
public sealed class InvariantLowerCaseFilter : TokenFilter
{
    private static readonly char[] Lower = BuildTable();

    private readonly ICharTermAttribute _term;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public InvariantLowerCaseFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (char.IsSurrogate(c))
            {
                LowerWithCulture(buffer, length);
                return true;
            }

            buffer[i] = Lower[c];
        }

        return true;
    }

    /// <summary>What the invariant culture gives for one UTF-16 unit, for each unit (surrogates unchanged).</summary>
    internal static char Of(char c) => Lower[c];

    private static void LowerWithCulture(char[] buffer, int length)
    {
        Span<char> lower = length <= 256 ? stackalloc char[length] : new char[length];
        buffer.AsSpan(0, length).ToLower(lower, CultureInfo.InvariantCulture);
        lower.CopyTo(buffer);
    }

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        Span<char> one = stackalloc char[1];
        Span<char> lower = stackalloc char[1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            one[0] = (char)c;
            if (char.IsSurrogate(one[0]))
            {
                table[c] = one[0];
                continue;
            }

            one.ToLower(lower, CultureInfo.InvariantCulture);
            table[c] = lower[0];
        }

        return table;
    }
}
