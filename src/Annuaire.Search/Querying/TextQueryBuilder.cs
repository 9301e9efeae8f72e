using System.Collections.Frozen;
using Annuaire.Content.Text;
using Annuaire.Search.Analysis;
using Annuaire.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Annuaire.Search.Querying;

/// <summary>
/// Builds the text query: each word matches its French analysis in the body field (which holds
/// every word of the offer but places) or the places' field, and is weighted by the short fields
/// that also have it (title first, see <see cref="Fields"/>); words
/// of five letters or more that the index does not know also match with typos (on unstemmed
/// words, scored well below exact matches); the last word, if unknown, also matches as a
/// prefix while typing. A correctly spelled word is never widened: « permis » must not find
/// « permet ». Most words must match (<see cref="MinimumShouldMatch"/>); question and filler
/// words of a sentence are left out; « sans X » is a phrase bonus, never the word « sans » alone.
/// The bonus is an optional clause of its own, so an offer with the phrase may have one typed word
/// fewer than <see cref="MinimumShouldMatch"/> says: folding it into X's clause instead lowered the
/// relevance of sentence queries (docs/benchmarks.md, 2026-12-04), where the phrase is the point.
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
        (OfferFields.Territoire, 1.2f),
        (OfferFields.Body, 1f),
    ];

    /// <summary>The fields where a word is text, not a place name (<see cref="OfferFields.Territoire"/> aside).</summary>
    public static IReadOnlyList<(string Field, float Boost)> ContentFields { get; } = [.. Fields.Where(f => f.Field != OfferFields.Territoire)];

    /// <summary>
    /// Question and filler words of a sentence (« je cherche une aide pour… », « comment faire
    /// garder mon enfant »): not searched when other words remain, and reported as such.
    /// French stop words (je, mon, pour…) are already removed by the analysis.
    /// </summary>
    private static readonly FrozenSet<string> Fillers = FrozenSet.ToFrozenSet(
        ["cherche", "cherches", "cherchons", "cherchez", "chercher", "recherche", "recherches", "rechercher", "trouver", "trouve",
         "comment", "quoi", "quel", "quelle", "quels", "quelles", "qui", "ou", "quand", "pourquoi", "combien",
         "veut", "veux", "voudrais", "voudrait", "souhaite", "souhaiterais", "souhaiterait", "aimerais", "aimerait",
         "besoin", "peut", "peux", "pourrait", "pourrais", "faut", "faire", "fait", "aider", "aidez", "svp", "merci", "bonjour",
         "madame", "monsieur", "mme", "mr", "quelqu'un", "quelque", "chose", "est-ce", "existe", "il", "elle", "ils", "elles", "on"],
        StringComparer.Ordinal);

    /// <summary>Words that only make sense with the next one (« sans logement »): searched as that phrase, never alone.</summary>
    private static readonly FrozenSet<string> Modifiers = FrozenSet.ToFrozenSet(["sans", "pas", "non", "hors"], StringComparer.Ordinal);

    private static readonly string[] PhraseFields = [OfferFields.Titre, OfferFields.Resume, OfferFields.Body, OfferFields.MotsCles];

    /// <summary>
    /// Unknown words searched with typos, at most, per request: each one walks the term dictionary
    /// (a Levenshtein automaton), so this bounds what a query of made-up words can cost.
    /// </summary>
    public const int MaxFuzzyWords = 4;

    private const float FuzzyBoost = 0.3f;
    private const float PrefixBoost = 0.2f;

    /// <summary>Builds the query of the positive and excluded parts (see <see cref="MinimumShouldMatch"/>).</summary>
    public static TextQuery Build(IReadOnlyList<QueryPart> parts, bool endsWithSpace, OfferAnalyzers analyzers, TermLookups lookups, IReadOnlyList<(string Field, float Boost)>? fields = null)
    {
        fields ??= Fields;
        var query = new BooleanQuery();
        var weights = new List<IReadOnlyList<TermQuery>>();
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var fuzzyWords = new List<(string, int)>();
        var words = new List<string>();
        var ignored = new List<string>();
        var counted = 0;
        var hasPositive = false;
        var fuzzyLimited = false;
        var lastWordIndex = parts.Select((p, i) => (p, i)).LastOrDefault(x => !x.p.IsPhrase && !x.p.Excluded).i;
        var folded = parts.Select(p => TextNormalizer.Fold(p.Text)).ToList();
        var onlyFillers = parts.Select((p, i) => (p, i)).Where(x => !x.p.IsPhrase && !x.p.Excluded).All(x => Fillers.Contains(folded[x.i]) || Modifiers.Contains(folded[x.i]));

        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var plainWord = !part.IsPhrase && !part.Excluded;
            if (plainWord && !onlyFillers && Fillers.Contains(folded[i]))
            {
                ignored.Add(part.Text);
                continue;
            }

            if (plainWord && Modifiers.Contains(folded[i]) && i + 1 < parts.Count && parts[i + 1] is { IsPhrase: false, Excluded: false } next)
            {
                // « sans logement »: the phrase counts as a bonus; « logement » is searched as a word.
                var pair = Analyze(analyzers.Query, part.Text + " " + next.Text);
                if (pair.Count == 2)
                {
                    query.Add(Phrase(pair, fields), Occur.SHOULD);
                    hasPositive = true;
                    terms.UnionWith(pair.SelectMany(p => p.Terms));
                }

                continue;
            }

            var positions = Analyze(analyzers.Query, part.Text);
            if (positions.Count == 0)
            {
                continue; // Only stop words.
            }

            Query clause;
            if (part.IsPhrase && positions.Count > 1)
            {
                clause = Phrase(positions, fields);
            }
            else
            {
                Query exact = positions.Count == 1 ? Match(positions[0].Terms, fields, lookups) : AllOf(positions.Select(p => Match(p.Terms, fields, lookups)));
                if (part.Excluded)
                {
                    clause = exact;
                }
                else
                {
                    var any = new BooleanQuery(disableCoord: true) { { exact, Occur.SHOULD } };
                    foreach (var word in Analyze(analyzers.Words, part.Text).SelectMany(p => p.Terms))
                    {
                        words.Add(word);
                        if (part.IsPhrase || lookups.Reader.DocFreq(new Term(OfferFields.Spell, word)) > 0)
                        {
                            continue;
                        }

                        var edits = word.Length >= 8 ? 2 : word.Length >= 5 ? 1 : 0;
                        if (edits > 0 && fuzzyWords.Count >= MaxFuzzyWords)
                        {
                            fuzzyLimited = true;
                        }
                        else if (edits > 0)
                        {
                            var typo = lookups.Expand(word, edits);
                            typo.Boost = FuzzyBoost;
                            any.Add(typo, Occur.SHOULD);
                            fuzzyWords.Add((word, edits));
                        }

                        if (i == lastWordIndex && !endsWithSpace && word.Length >= 4)
                        {
                            any.Add(new PrefixQuery(new Term(OfferFields.Spell, word)) { Boost = PrefixBoost }, Occur.SHOULD);
                        }
                    }

                    clause = any;
                    weights.AddRange(Weights(positions, fields, lookups));
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
                counted++;
            }
        }

        if (!hasPositive)
        {
            // Only exclusions (« -permis »): everything except them, never everything.
            if (query.Clauses.Count > 0)
            {
                query.Add(new MatchAllDocsQuery(), Occur.MUST);
                return new TextQuery(query, terms, fuzzyWords, words) { IgnoredWords = ignored, ExclusionsOnly = true, FuzzyLimited = fuzzyLimited };
            }

            return new TextQuery(null, terms, fuzzyWords, words) { IgnoredWords = ignored, FuzzyLimited = fuzzyLimited };
        }

        query.MinimumNumberShouldMatch = MinimumShouldMatch(counted);
        return new TextQuery(query, terms, fuzzyWords, words)
        {
            IgnoredWords = ignored,
            FuzzyLimited = fuzzyLimited,
            CountedWords = counted,
            Weight = weights.Count == 0 ? null : weights,
        };
    }

    /// <summary>
    /// How many of <paramref name="words"/> searched words an offer must contain, in
    /// Elasticsearch <c>minimum_should_match</c> terms « 2&lt;-1 5&lt;70% »: one or two words,
    /// all of them; three to five, all but one; six or more, 70 % rounded down. Offers with every
    /// word still come first: the score is multiplied by the square of the share of words matched.
    /// </summary>
    public static int MinimumShouldMatch(int words) => words switch
    {
        <= 2 => words,
        <= 5 => words - 1,
        _ => (int)Math.Floor(words * 0.7),
    };

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

    /// <summary>
    /// Where a word is found: the body field, which holds every word of the offer but places
    /// (<see cref="OfferFields.Body"/>), and the places' field when it is searched. One or two
    /// postings lists per analysed term, not one per field: this is what a search walks. Terms
    /// the index does not hold are left out, so that a word found in one field only is that
    /// field's term query once rewritten, without a Boolean scorer around it for every offer.
    /// </summary>
    private static BooleanQuery Match(IEnumerable<string> alternatives, IReadOnlyList<(string Field, float Boost)> fields, TermLookups lookups)
    {
        var match = new BooleanQuery(disableCoord: true);
        foreach (var term in alternatives.Distinct(StringComparer.Ordinal))
        {
            foreach (var (field, boost) in fields.Where(f => MatchFields.Contains(f.Field)))
            {
                if (lookups.Present(new Term(field, term)) is { } query)
                {
                    query.Boost = boost;
                    match.Add(query, Occur.SHOULD);
                }
            }
        }

        return match;
    }

    /// <summary>Fields a word is matched in.</summary>
    private static readonly string[] MatchFields = [OfferFields.Body, OfferFields.Territoire];

    /// <summary>
    /// Short fields whose words weigh more on the offers matched: title, keywords, summary, labels.
    /// Structures are words of the body field (<see cref="OfferFields.Body"/>) like the rest.
    /// </summary>
    private static readonly string[] WeightFields = [OfferFields.Titre, OfferFields.MotsCles, OfferFields.Resume, OfferFields.Tags];

    /// <summary>
    /// The weight of each analysed term of a word in the short fields that have it (title,
    /// keywords, summary, labels): for each position, its terms in those fields, each with its
    /// field's boost (<see cref="ShortFieldWeightQuery"/> adds the best one and a tenth of the
    /// others to the offers found, never finding any).
    /// </summary>
    private static IEnumerable<IReadOnlyList<TermQuery>> Weights(List<(int Position, List<string> Terms)> positions, IReadOnlyList<(string Field, float Boost)> fields, TermLookups lookups)
    {
        foreach (var (_, alternatives) in positions)
        {
            var word = new List<TermQuery>();
            foreach (var term in alternatives.Distinct(StringComparer.Ordinal))
            {
                foreach (var (field, boost) in fields.Where(f => WeightFields.Contains(f.Field)))
                {
                    if (lookups.Present(new Term(field, term)) is { } query)
                    {
                        query.Boost = boost;
                        word.Add(query);
                    }
                }
            }

            if (word.Count > 0)
            {
                yield return word;
            }
        }
    }

    /// <summary>
    /// <paramref name="found"/> (the words, as <see cref="Build"/> and the search's relaxation made
    /// it) plus the weight of the short fields (<see cref="TextQuery.Weight"/>), read only for the
    /// offers found: the words' postings are walked without a wrapper per word, and the body field
    /// holds every word of the short fields, so a word weighs only on offers where it is found.
    /// </summary>
    public static Query WithWeight(Query found, IReadOnlyList<IReadOnlyList<TermQuery>>? weight) =>
        weight is null ? found : new ShortFieldWeightQuery(found, weight);

    private static BooleanQuery AllOf(IEnumerable<Query> queries)
    {
        var all = new BooleanQuery(disableCoord: true);
        foreach (var q in queries)
        {
            all.Add(q, Occur.MUST);
        }

        return all;
    }

    private static DisjunctionMaxQuery Phrase(List<(int Position, List<string> Terms)> positions, IReadOnlyList<(string Field, float Boost)> fields)
    {
        var dismax = new DisjunctionMaxQuery(0.1f);
        foreach (var field in PhraseFields.Where(f => fields.Any(x => x.Field == f)))
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
