using Annuaire.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Annuaire.Search.Querying;

/// <summary>
/// Term dictionary lookups, done once per index generation and shared by its searches:
/// <list type="bullet">
/// <item>the indexed words a misspelled word reaches: walking the term dictionary with a
/// Levenshtein automaton (built, determinised and compiled for each word) was four tenths of what
/// a search allocated, and a search looks a typo up for the query, the place-or-word check and the
/// marks; advisers repeat the same misspellings;</item>
/// <item>where a term's postings start, in each segment (<see cref="TermContext"/>): a search
/// walks the same words several times (checks of how many words are common, then the search);</item>
/// <item>the decoded postings of frequent terms (<see cref="PostingsCache"/>), handed on from
/// generation to generation for the segments they share.</item>
/// </list>
/// The first two are kept for the generation's life, up to <see cref="MaxEntries"/> entries (then
/// forgotten all at once: hostile traffic cannot grow them without bound); the third has its own
/// bound in bytes.
/// </summary>
internal sealed class TermLookups(IndexReader reader, PostingsCache? postings = null)
{
    /// <summary>Most misspelled words, and most terms, remembered per generation.</summary>
    public const int MaxEntries = 20_000;

    /// <summary>
    /// Indexed words one misspelled word reaches, at most: the closest ones (Lucene's default is
    /// 50; each is one more list of offers to walk for every search with that typo).
    /// </summary>
    public const int MaxExpansions = 16;

    // The look-ups, one delegate each per generation (not one per call on the search path).
    private readonly BoundedCache<(string Word, int Edits), BooleanQuery> _expansions = new(MaxEntries, key =>
    {
        // Guard: FuzzyQuery misbehaves when the prefix is as long as the term.
        var fuzzy = new FuzzyQuery(new Term(OfferFields.Spell, key.Word), key.Edits, Math.Min(1, key.Word.Length - 1), MaxExpansions, transpositions: true);
        return fuzzy.Rewrite(reader) as BooleanQuery ?? new BooleanQuery(disableCoord: true);
    });

    private readonly BoundedCache<Term, TermContext> _terms = new(MaxEntries, term => TermContext.Build(reader.Context, term));

    /// <summary>The index these expansions are read from.</summary>
    public IndexReader Reader { get; } = reader;

    /// <summary>The decoded postings of frequent terms, for <see cref="Present"/>'s queries.</summary>
    public PostingsCache Postings { get; } = postings ?? new PostingsCache();

    /// <summary>
    /// The unstemmed indexed words within <paramref name="edits"/> of <paramref name="word"/> (same
    /// first letter, transpositions count as one edit), each weighted by its closeness, as Lucene's
    /// <see cref="FuzzyQuery"/> rewrites to; the returned query is the caller's to change.
    /// </summary>
    public BooleanQuery Expand(string word, int edits)
    {
        var expansion = _expansions.GetOrAdd((word, edits));
        return (BooleanQuery)expansion.Clone();
    }

    /// <summary>Forgets every look-up (benchmarks measure a first encounter of each request this way).</summary>
    public void Forget()
    {
        _expansions.Clear();
        _terms.Clear();
        Postings.Forget();
    }

    /// <summary>
    /// A query for <paramref name="term"/> whose dictionary lookup is done once per generation and
    /// whose postings, if frequent, are decoded once (<see cref="Postings"/>), or null when the
    /// index does not hold it (the query could find nothing).
    /// </summary>
    public TermQuery? Present(Term term) => Context(term) is { DocFreq: > 0 } context ? new CachedTermQuery(term, context, Postings) : null;

    /// <summary>Where <paramref name="term"/> is in each segment's dictionary (looked up once per generation).</summary>
    public TermContext Context(Term term) => _terms.GetOrAdd(term);
}
