using Lucene.Net.Search;

namespace Annuaire.Search.Querying;

/// <summary>The Lucene query for the user's words, plus what highlighting needs to know.</summary>
/// <param name="Query">The query, or null when no positive word remains (browse).</param>
/// <param name="Terms">Analyzed terms (French chain) of the positive words and phrases.</param>
/// <param name="FuzzyWords">Folded words searched with typo tolerance, with their allowed edits.</param>
/// <param name="Words">Folded positive words, for spelling suggestions.</param>
internal sealed record TextQuery(Query? Query, IReadOnlySet<string> Terms, IReadOnlyList<(string Word, int Edits)> FuzzyWords, IReadOnlyList<string> Words)
{
    /// <summary>Filler words of a sentence that were not searched.</summary>
    public IReadOnlyList<string> IgnoredWords { get; init; } = [];

    /// <summary>Only exclusions were typed: the query is « everything but », browsed like no text.</summary>
    public bool ExclusionsOnly { get; init; }

    /// <summary>Words that count towards <see cref="TextQueryBuilder.MinimumShouldMatch"/> (phrases and exclusions aside).</summary>
    public int CountedWords { get; init; }

    /// <summary>
    /// The weight of the words in the short fields (title, keywords, summary, labels), to add to
    /// <see cref="Query"/> where scores matter (<see cref="TextQueryBuilder.WithWeight"/>); null
    /// when there is none. Counting passes leave it out.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<TermQuery>>? Weight { get; init; }

    /// <summary>More unknown words than <see cref="TextQueryBuilder.MaxFuzzyWords"/>: the others are searched exactly.</summary>
    public bool FuzzyLimited { get; init; }
}
