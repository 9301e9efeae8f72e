using System.Net;
using System.Text;
using Annuaire.Content.Text;
using Annuaire.Search.Analysis;
using Annuaire.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;

namespace Annuaire.Search.Highlighting;

/// <summary>
/// Highlights stored text by re-analysing it: a token is marked when its analyzed form is a
/// query term, when a synonym of a query term covers a whole expression (« RSA » marks « revenu
/// de solidarité active »), or when its unstemmed form is within the allowed typos of a fuzzy word. Output is HTML-encoded with
/// &lt;mark&gt; around matches.
/// </summary>
internal sealed class SnippetBuilder
{
    /// <summary>Target length of a body snippet, in characters.</summary>
    public const int SnippetLength = 220;

    private readonly OfferAnalyzers _analyzers;
    private readonly IReadOnlySet<string> _terms;
    private readonly IReadOnlyList<(string Word, int Edits)> _fuzzy;

    public SnippetBuilder(OfferAnalyzers analyzers, IReadOnlySet<string> terms, IReadOnlyList<(string Word, int Edits)> fuzzy)
    {
        _analyzers = analyzers;
        _terms = terms;
        _fuzzy = fuzzy;
    }

    /// <summary>The whole text, encoded, with matches marked.</summary>
    public string Mark(string text) => Render(text, 0, text.Length, Matches(text));

    /// <summary>The passage of <paramref name="text"/> with the most matches, or null if none.</summary>
    public string? Snippet(string text)
    {
        var matches = Matches(text);
        if (matches.Count == 0)
        {
            return null;
        }

        // Slide a window over match starts and keep the densest one.
        var bestStart = 0;
        var bestCount = 0;
        for (int i = 0, j = 0; i < matches.Count; i++)
        {
            while (j < matches.Count && matches[j].End - matches[i].Start <= SnippetLength)
            {
                j++;
            }

            if (j - i > bestCount)
            {
                (bestStart, bestCount) = (i, j - i);
            }
        }

        var first = matches[bestStart];
        var start = Math.Max(0, first.Start - 60);
        start = start == 0 ? 0 : WordStart(text, start);
        var end = Math.Min(text.Length, start + SnippetLength);
        end = end == text.Length ? end : WordEnd(text, end);
        var window = matches.Where(m => m.Start >= start && m.End <= end).ToList();
        var html = Render(text, start, end, window);
        return (start > 0 ? "… " : string.Empty) + html + (end < text.Length ? " …" : string.Empty);
    }

    private List<(int Start, int End)> Matches(string text)
    {
        var spans = new List<(int Start, int End)>();
        if (_terms.Count > 0)
        {
            // Plain analysis gives exact offsets; the synonym pass only adds whole expressions.
            Collect(_analyzers.Query, text, t => _terms.Contains(t), spans, synonymsOnly: false);
            if (_analyzers.Synonyms is not null)
            {
                Collect(_analyzers.Text, text, t => _terms.Contains(t), spans, synonymsOnly: true);
            }
        }

        if (_fuzzy.Count > 0)
        {
            Collect(_analyzers.Words, text, IsFuzzyMatch, spans, synonymsOnly: false);
        }

        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<(int Start, int End)>();
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    private bool IsFuzzyMatch(string token)
    {
        foreach (var (word, edits) in _fuzzy)
        {
            if (Math.Abs(token.Length - word.Length) <= edits && EditDistance.Levenshtein(token, word) <= edits)
            {
                return true;
            }
        }

        return false;
    }

    private static void Collect(Analyzer analyzer, string text, Func<string, bool> isMatch, List<(int, int)> spans, bool synonymsOnly)
    {
        using var stream = analyzer.GetTokenStream(OfferFields.Body, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (!isMatch(term.ToString()) || offset.EndOffset > text.Length)
            {
                continue;
            }

            // Injected synonyms are trusted only when they cover a whole multi-word expression
            // (« RSA » marks « revenu de solidarité active »): the extra tokens of a one-word →
            // many-words rule borrow the offsets of unrelated neighbouring words.
            if (synonymsOnly && (type.Type != SynonymFilter.TYPE_SYNONYM || text.AsSpan(offset.StartOffset, offset.EndOffset - offset.StartOffset).IndexOf(' ') < 0))
            {
                continue;
            }

            spans.Add((offset.StartOffset, offset.EndOffset));
        }

        stream.End();
    }

    private static string Render(string text, int start, int end, IEnumerable<(int Start, int End)> matches)
    {
        var html = new StringBuilder();
        var at = start;
        foreach (var (s, e) in matches)
        {
            if (s < at || e > end)
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(text[at..s])).Append("<mark>").Append(WebUtility.HtmlEncode(text[s..e])).Append("</mark>");
            at = e;
        }

        html.Append(WebUtility.HtmlEncode(text[at..end]));
        return html.ToString();
    }

    private static int WordStart(string text, int index)
    {
        while (index > 0 && !char.IsWhiteSpace(text[index - 1]))
        {
            index--;
        }

        return index;
    }

    private static int WordEnd(string text, int index)
    {
        while (index < text.Length && !char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }
}
