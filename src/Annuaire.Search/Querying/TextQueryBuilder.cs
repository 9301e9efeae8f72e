using Annuaire.Search.Analysis;
using Annuaire.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Annuaire.Search.Querying;

/// <summary>
/// Builds the text query: each word matches its French analysis across weighted fields; words
/// of five letters or more that the index does not know also match with typos (on unstemmed
/// words, scored well below exact matches); the last word, if unknown, also matches as a
/// prefix while typing. A correctly spelled word is never widened: « permis » must not find
/// « permet ». Most words must match.
/// </summary>
internal static class TextQueryBuilder
{
    /// <summary>Fields searched for words, with their weight.</summary>
    public static IReadOnlyList<(string Field, float Boost)> Fields { get; } =
    [
        (OfferFields.Titre, 4f),
        (OfferFields.MotsCles, 3f),
        (OfferFields.Resume, 2f),
        (OfferFields.Tags, 1.5f),
        (OfferFields.Porteur, 1.2f),
        (OfferFields.Territoire, 1.2f),
        (OfferFields.Body, 1f),
    ];

    private static readonly string[] PhraseFields = [OfferFields.Titre, OfferFields.Resume, OfferFields.Body, OfferFields.MotsCles];

    private const float FuzzyBoost = 0.3f;
    private const float PrefixBoost = 0.2f;

    public static TextQuery Build(IReadOnlyList<QueryPart> parts, bool endsWithSpace, OfferAnalyzers analyzers, IndexReader reader)
    {
        var query = new BooleanQuery();
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var fuzzyWords = new List<(string, int)>();
        var words = new List<string>();
        var required = 0;
        var hasPositive = false;
        var lastWordIndex = parts.Select((p, i) => (p, i)).LastOrDefault(x => !x.p.IsPhrase && !x.p.Excluded).i;

        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var positions = Analyze(analyzers.Query, part.Text);
            if (positions.Count == 0)
            {
                continue; // Only stop words.
            }

            Query clause;
            if (part.IsPhrase && positions.Count > 1)
            {
                clause = Phrase(positions);
            }
            else
            {
                Query exact = positions.Count == 1 ? Exact(positions[0].Terms) : AllOf(positions.Select(p => Exact(p.Terms)));
                if (part.Excluded)
                {
                    clause = exact;
                }
                else
                {
                    var any = new BooleanQuery { { exact, Occur.SHOULD } };
                    foreach (var word in Analyze(analyzers.Words, part.Text).SelectMany(p => p.Terms))
                    {
                        words.Add(word);
                        if (part.IsPhrase || reader.DocFreq(new Term(OfferFields.Spell, word)) > 0)
                        {
                            continue;
                        }

                        var edits = word.Length >= 8 ? 2 : word.Length >= 5 ? 1 : 0;
                        if (edits > 0)
                        {
                            // Guard: FuzzyQuery misbehaves when the prefix is as long as the term.
                            var prefix = Math.Min(1, word.Length - 1);
                            any.Add(new FuzzyQuery(new Term(OfferFields.Spell, word), edits, prefix) { Boost = FuzzyBoost }, Occur.SHOULD);
                            fuzzyWords.Add((word, edits));
                        }

                        if (i == lastWordIndex && !endsWithSpace && word.Length >= 4)
                        {
                            any.Add(new PrefixQuery(new Term(OfferFields.Spell, word)) { Boost = PrefixBoost }, Occur.SHOULD);
                        }
                    }

                    clause = any;
                }
            }

            if (part.Excluded)
            {
                query.Add(clause, Occur.MUST_NOT);
                continue;
            }

            hasPositive = true;
            terms.UnionWith(positions.SelectMany(p => p.Terms));
            if (part.IsPhrase)
            {
                query.Add(clause, Occur.MUST);
            }
            else
            {
                query.Add(clause, Occur.SHOULD);
                required++;
            }
        }

        if (!hasPositive)
        {
            return new TextQuery(null, terms, fuzzyWords, words);
        }

        // Short queries need every word; longer ones tolerate one missing word in four.
        query.MinimumNumberShouldMatch = required <= 3 ? required : required - (required / 4);
        return new TextQuery(query, terms, fuzzyWords, words);
    }

    /// <summary>Analyzed terms grouped by position (several terms at one position are alternatives).</summary>
    public static List<(int Position, List<string> Terms)> Analyze(Analyzer analyzer, string text)
    {
        var result = new List<(int, List<string>)>();
        using var stream = analyzer.GetTokenStream(OfferFields.Body, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            if (result.Count > 0 && result[^1].Item1 == position)
            {
                result[^1].Item2.Add(term.ToString());
            }
            else
            {
                result.Add((position, [term.ToString()]));
            }
        }

        stream.End();
        return result;
    }

    private static DisjunctionMaxQuery Exact(IEnumerable<string> alternatives)
    {
        var dismax = new DisjunctionMaxQuery(0.1f);
        foreach (var term in alternatives.Distinct(StringComparer.Ordinal))
        {
            foreach (var (field, boost) in Fields)
            {
                dismax.Add(new TermQuery(new Term(field, term)) { Boost = boost });
            }
        }

        return dismax;
    }

    private static BooleanQuery AllOf(IEnumerable<Query> queries)
    {
        var all = new BooleanQuery();
        foreach (var q in queries)
        {
            all.Add(q, Occur.MUST);
        }

        return all;
    }

    private static DisjunctionMaxQuery Phrase(List<(int Position, List<string> Terms)> positions)
    {
        var dismax = new DisjunctionMaxQuery(0.1f);
        foreach (var field in PhraseFields)
        {
            var phrase = new MultiPhraseQuery { Slop = 1 };
            foreach (var (position, alternatives) in positions)
            {
                phrase.Add([.. alternatives.Select(t => new Term(field, t))], position);
            }

            phrase.Boost = Fields.First(f => f.Field == field).Boost;
            dismax.Add(phrase);
        }

        return dismax;
    }
}
