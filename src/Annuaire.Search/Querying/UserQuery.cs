using System.Text;

namespace Annuaire.Search.Querying;

/// <summary>One part of what the user typed.</summary>
/// <param name="Text">The word or phrase, cleaned of query syntax.</param>
/// <param name="IsPhrase">Typed between double quotes.</param>
/// <param name="Excluded">Prefixed with <c>-</c>.</param>
internal sealed record QueryPart(string Text, bool IsPhrase, bool Excluded);

/// <summary>
/// The user's text, parsed leniently: "quoted phrases" and -exclusions are honoured, every
/// other character that means something to Lucene is treated as a separator. Never throws.
/// </summary>
internal sealed record UserQuery(IReadOnlyList<QueryPart> Parts, IReadOnlyList<SearchNotice> Notices, bool EndsWithSpace)
{
    /// <summary>
    /// Maximum number of words considered, counted after splitting on every separator (« a.b.c »
    /// is three words) and including the words of phrases: bounds the cost of any query.
    /// </summary>
    public const int MaxWords = 12;

    public static UserQuery Parse(string? text)
    {
        var notices = new List<SearchNotice>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new UserQuery([], notices, false);
        }

        if (text.Length > SearchRequest.MaxTextLength)
        {
            text = text[..SearchRequest.MaxTextLength];
            notices.Add(new SearchNotice.TextShortened(SearchRequest.MaxTextLength));
        }

        var parts = new List<QueryPart>();
        var inPhrase = false;
        var current = new StringBuilder();
        void Flush()
        {
            var raw = current.ToString();
            current.Clear();
            if (inPhrase)
            {
                var phrase = Clean(raw);
                if (phrase.Length > 0)
                {
                    var excluded = parts.Count > 0 && parts[^1] is { Text: "-" };
                    if (excluded)
                    {
                        parts.RemoveAt(parts.Count - 1);
                    }

                    parts.Add(new QueryPart(phrase, IsPhrase: true, excluded));
                }

                return;
            }

            foreach (var word in raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                var excluded = word.Length > 1 && word[0] == '-';
                var cleaned = Clean(excluded ? word[1..] : word);
                foreach (var piece in cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    // A separator inside a word (« aide.permis », « RSA/ASS ») separates words.
                    parts.Add(new QueryPart(piece, IsPhrase: false, excluded));
                }

                if (cleaned.Length == 0 && word == "-")
                {
                    parts.Add(new QueryPart("-", false, false)); // A '-' right before a quote excludes the phrase.
                }
            }
        }

        foreach (var c in text)
        {
            if (c is '"' or '«' or '»' or '“' or '”')
            {
                if (!inPhrase && current.Length > 0 && current[^1] == '-' && (current.Length == 1 || char.IsWhiteSpace(current[^2])))
                {
                    current.Length--;
                    Flush();
                    parts.Add(new QueryPart("-", false, false));
                }
                else
                {
                    Flush();
                }

                inPhrase = !inPhrase;
                continue;
            }

            current.Append(char.IsControl(c) ? ' ' : c);
        }

        Flush(); // An unclosed quote still counts as a phrase.
        parts.RemoveAll(p => p.Text == "-");
        if (Limit(parts))
        {
            notices.Add(new SearchNotice.WordsLimited(MaxWords));
        }

        return new UserQuery(parts, notices, char.IsWhiteSpace(text[^1]));
    }

    /// <summary>Keeps the first <see cref="MaxWords"/> words (a phrase crossing the limit is cut); true if any was dropped.</summary>
    private static bool Limit(List<QueryPart> parts)
    {
        var budget = MaxWords;
        for (var i = 0; i < parts.Count; i++)
        {
            var words = parts[i].Text.Split(' ');
            if (words.Length <= budget)
            {
                budget -= words.Length;
                continue;
            }

            if (budget > 0)
            {
                parts[i] = parts[i] with { Text = string.Join(' ', words.Take(budget)) };
                i++;
            }

            parts.RemoveRange(i, parts.Count - i);
            return true;
        }

        return false;
    }

    /// <summary>Keeps letters, digits, apostrophes and inner hyphens; everything else becomes a space.</summary>
    private static string Clean(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '\'' or '’' or '-' ? c : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('-', '\'', '’')).Where(w => w.Length > 0));
    }

    /// <summary>The words and phrases as they will be searched, for display.</summary>
    public string Display => string.Join(' ', Parts.Select(p => (p.Excluded ? "-" : string.Empty) + (p.IsPhrase ? $"\"{p.Text}\"" : p.Text)));
}
