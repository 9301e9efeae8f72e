using System.Diagnostics;
using Annuaire.Content.Model;
using Annuaire.Search.Facets;
using Annuaire.Search.Highlighting;
using Annuaire.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;

namespace Annuaire.Search.Querying;

/// <summary>One search against one index generation: query, filters, facets, page, help on zero results.</summary>
internal sealed class SearchExecution
{
    internal static readonly string[] AllFacetFields = [.. FacetDimensions.All.Select(d => d.Field)];

    /// <summary>Below this many results on a commune, the response offers its whole département.</summary>
    private const int WideningBelow = 5;

    private readonly IndexGeneration _generation;
    private readonly IndexSearcher _searcher;
    private readonly DateOnly _today;
    private readonly int _workers;
    private readonly long _minCostToSplit;
    private Query? _onlyIds;
    private DocSet? _listed;
    private int _passes;

    /// <param name="generation">The index generation searched.</param>
    /// <param name="searcher">Its searcher.</param>
    /// <param name="today">The day offers are listed on.</param>
    /// <param name="workers">Threads a pass may use (see <see cref="SplitSearch"/>).</param>
    /// <param name="minCostToSplit">Candidates below which a pass keeps to one thread.</param>
    public SearchExecution(IndexGeneration generation, IndexSearcher searcher, DateOnly today, int workers = 1, long minCostToSplit = SplitSearch.MinCostToSplit)
    {
        _generation = generation;
        _searcher = searcher;
        _today = today;
        _workers = workers;
        _minCostToSplit = minCostToSplit;
    }

    public SearchResponse Run(SearchRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        _onlyIds = request.OnlyIds is { } ids
            ? ids.Count == 0 ? new BooleanQuery() : new ConstantScoreQuery(new TermsFilter([.. ids.Select(id => new Term(OfferFields.Id, id))]))
            : null;
        _listed = request.IncludeArchived ? null : _generation.ListedOn(_today, _searcher.IndexReader);
        var pageSize = Math.Clamp(request.PageSize, 1, SearchRequest.MaxPageSize);
        var page = Math.Clamp(request.Page, 1, 10_000);
        var parsed = UserQuery.Parse(request.Text);
        var notices = new List<SearchNotice>(parsed.Notices);
        var parts = parsed.Parts.ToList();

        // Territory: explicit filter, else a place named among the words.
        Territory? territory = null;
        PlaceInText? placeInText = null;
        if (!string.IsNullOrWhiteSpace(request.Territoire))
        {
            territory = _generation.TerritoryNames.Resolve(request.Territoire);
            if (territory is null)
            {
                notices.Add(new SearchNotice.TerritoryNotRecognized(Shorten(request.Territoire.Trim())));
            }
        }

        (territory, placeInText) = ReadPlaceInText(parts, territory, request, notices);

        // The text query is built and rewritten (typo expansions looked up) once, then shared by every pass.
        var text = TextQueryBuilder.Build(parts, parsed.EndsWithSpace, _generation.Analyzers, _generation.Lookups);
        if (text.FuzzyLimited)
        {
            notices.Add(new SearchNotice.TypoToleranceLimited(TextQueryBuilder.MaxFuzzyWords));
        }

        var textQuery = MostWordsAllowed(text.Query is null ? null : _searcher.Rewrite(text.Query), text.CountedWords);
        var filters = BuildFilters(request, territory);
        var locality = territory is null ? null : LocalityOf(territory);

        // One pass: the page of hits, the facet counts, and each filter's counts without it.
        var sort = ChooseSort(request.Sort, text.Query is not null || locality is not null);
        var filterKeys = filters.Keys.ToList();
        var filterSets = filterKeys.Select(f => _generation.Filter(_searcher, filters[f])).ToArray();
        var passes = Search(WithLocality(Restricted(textQuery is null ? null : TextQueryBuilder.WithWeight(textQuery, text.Weight)), locality), () => new PageAndFacets(_generation.Facets, sort, page * pageSize, filterKeys, filterSets));
        var pass = passes[0];
        foreach (var other in passes.Skip(1))
        {
            pass.Add(other);
        }

        var topDocs = passes.Length == 1 ? pass.Top.GetTopDocs() : TopDocs.Merge(sort, page * pageSize, [.. passes.Select(p => (TopFieldDocs)p.Top.GetTopDocs())]);
        var total = topDocs.TotalHits;
        var facetCounts = FacetDimensions.All.ToDictionary(
            d => d.Dimension,
            d => filterKeys.IndexOf(d.Filter) is var f and >= 0 ? pass.Sideways[f].Counts(d.Field) : pass.All.Counts(d.Field));

        var hits = BuildHits(topDocs, (page - 1) * pageSize, pageSize, text, textQuery, request.Highlight, locality);
        Widening? widening = null;
        if (territory?.Kind is PlaceKind.Commune or PlaceKind.PostalCode or PlaceKind.Epci && total < WideningBelow && DepartementOf(territory) is { } wider)
        {
            var widerFilters = filters.Where(f => f.Key != FacetDimension.Departement).Select(f => f.Value)
                .Append(Any(TerritoryTerms(new Territory(PlaceKind.Departement, wider))));
            var count = Count(textQuery, widerFilters);
            widening = count > total ? new Widening(wider, count) : null;
        }

        SpellingSuggestion? spelling = null;
        var relaxations = new List<FilterRelaxation>();
        if (total == 0)
        {
            spelling = SuggestSpelling(text, parts, parsed.EndsWithSpace, filters.Values);
            for (var f = 0; f < filterKeys.Count; f++)
            {
                if (pass.Drill.NearMisses[f] > 0)
                {
                    relaxations.Add(new FilterRelaxation(filterKeys[f], ValuesOf(request, filterKeys[f], territory), pass.Drill.NearMisses[f]));
                }
            }
        }

        if (placeInText is not null)
        {
            notices.Add(new SearchNotice.PlaceRecognized(placeInText.Territory));
        }

        return new SearchResponse
        {
            Total = total,
            Hits = hits,
            Facets = facetCounts.ToDictionary(kv => kv.Key, kv => ToFacetValues(kv.Key, kv.Value, request, territory, total)),
            Territory = territory,
            Widening = widening,
            IgnoredWords = text.IgnoredWords,
            Page = page,
            PageSize = pageSize,
            EffectiveText = parsed.Display.Length == 0 ? null : parsed.Display,
            PlaceInText = placeInText,
            Notices = notices,
            Spelling = spelling,
            Relaxations = relaxations,
            Cost = new SearchCost(parsed.Parts.Sum(p => p.Text.Split(' ').Length), text.FuzzyWords.Count, _passes),
            ElapsedMicroseconds = OfferSearchEngine.MicrosecondsSince(started),
        };
    }

    private static BooleanQuery Any(IEnumerable<(string Field, string Value)> terms)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var (field, value) in terms.Distinct())
        {
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        return any;
    }

    private Dictionary<FacetDimension, Query> BuildFilters(SearchRequest request, Territory? territory)
    {
        var filters = new Dictionary<FacetDimension, Query>();
        foreach (var filter in FacetDimensions.Filters)
        {
            var any = filter.IsTerritory
                ? territory is null ? null : Any(TerritoryTerms(territory))
                : Any(Clean(request.ValuesOf(filter.Dimension))
                    .Select(v => (FacetDimensions.CountedBy(filter.Dimension).FirstOrDefault(d => d.Accepts(v)) ?? filter, v))
                    .Select(x => (x.Item1.Field, x.v)));
            if (any?.Clauses.Count > 0)
            {
                filters[filter.Dimension] = any;
            }
        }

        return filters;
    }

    private static IEnumerable<string> Clean(IReadOnlyList<string> values) =>
        values.Select(v => v.Trim()).Where(v => v.Length is > 0 and <= 120).Take(50);

    /// <summary>
    /// Offers available on a territory: a commune matches its own offers, its EPCI's, its
    /// département's and national ones (EPCI zones were expanded to their communes at index
    /// time; a région-wide zone is written as its départements); a postal code, every commune
    /// it serves; a département or a région, every offer located in it and national ones.
    /// </summary>
    private IEnumerable<(string, string)> TerritoryTerms(Territory territory)
    {
        var territories = _generation.Referentials.Territories;
        yield return (OfferFields.Zone, Offer.France);
        switch (territory.Kind)
        {
            case PlaceKind.Departement:
                yield return (OfferFields.FDepartement, territory.Code);
                break;
            case PlaceKind.Region when territories.Regions.TryGetValue(territory.Code, out var region):
                foreach (var departement in region.Departements)
                {
                    yield return (OfferFields.FDepartement, departement);
                }

                break;
            case PlaceKind.Commune or PlaceKind.PostalCode:
                foreach (var code in CommunesOf(territory))
                {
                    yield return (OfferFields.Zone, code);
                    if (territories.Communes.TryGetValue(code, out var commune) && commune.Parent is not null)
                    {
                        yield return (OfferFields.Zone, commune.Parent);
                    }

                    yield return (OfferFields.Zone, territories.DepartementOf(code)!);
                    if (territories.EpciOf(code) is { } epci)
                    {
                        yield return (OfferFields.Zone, epci);
                    }
                }

                break;
            case PlaceKind.Epci:
                yield return (OfferFields.Zone, territory.Code);
                if (territories.Epcis.TryGetValue(territory.Code, out var e))
                {
                    foreach (var departement in e.Departements.DefaultIfEmpty(e.Departement))
                    {
                        yield return (OfferFields.Zone, departement);
                    }
                }

                foreach (var commune in territories.CommunesOfEpci(territory.Code))
                {
                    yield return (OfferFields.Zone, commune.Code);
                }

                break;
            default:
                break;
        }
    }

    private static IReadOnlyList<string> CommunesOf(Territory territory) =>
        territory.Kind == PlaceKind.PostalCode ? territory.Communes : territory.Kind == PlaceKind.Commune ? [territory.Code] : [];

    /// <summary>The département of a commune, postal code or EPCI territory (for widening and homonyms).</summary>
    private string? DepartementOf(Territory territory) => territory.Kind switch
    {
        PlaceKind.Departement => territory.Code,
        PlaceKind.Commune or PlaceKind.Epci => _generation.Referentials.Territories.DepartementOf(territory.Code),
        PlaceKind.PostalCode => territory.Communes.Select(_generation.Referentials.Territories.DepartementOf).FirstOrDefault(),
        _ => null,
    };

    /// <summary>Locality weights of a territory (null for the whole country: nothing is closer).</summary>
    private Dictionary<string, Proximity>? LocalityOf(Territory territory)
    {
        var territories = _generation.Referentials.Territories;
        var communes = CommunesOf(territory);
        IEnumerable<string> epcis = territory.Kind == PlaceKind.Epci ? [territory.Code] : communes.Select(territories.EpciOf).OfType<string>();
        IEnumerable<string> departements = territory.Kind switch
        {
            PlaceKind.Region => territories.Regions.TryGetValue(territory.Code, out var r) ? r.Departements : [],
            PlaceKind.France => [],
            _ => DepartementOf(territory) is { } d ? [d] : [],
        };
        var result = new Dictionary<string, Proximity>(StringComparer.Ordinal);
        foreach (var d in departements)
        {
            result[LocalityValueSource.Departement(d)] = Proximity.Departement;
        }

        foreach (var e in epcis)
        {
            result[LocalityValueSource.Epci(e)] = Proximity.Epci;
        }

        foreach (var c in communes)
        {
            result[LocalityValueSource.Commune(c)] = Proximity.Commune;
        }

        return result.Count == 0 ? null : result;
    }

    private static Query WithLocality(Query query, Dictionary<string, Proximity>? locality) =>
        locality is null
            ? query
            : new Lucene.Net.Queries.CustomScoreQuery(query, new Lucene.Net.Queries.Function.FunctionQuery(
                new LocalityValueSource(locality.ToDictionary(l => l.Key, l => LocalityValueSource.Weight(l.Value), StringComparer.Ordinal)))) { IsStrict = true };

    /// <summary>
    /// Reads a place among the positive words (unless the request already has a territory) and
    /// removes it from them. A one-word name that is also a common word of the offers' text
    /// (« orne », « tours », « rue ») stays a word when the rest of the query finds offers with it
    /// outside that place; a postal code or département number confirming the place goes too.
    /// </summary>
    private (Territory?, PlaceInText?) ReadPlaceInText(List<QueryPart> parts, Territory? territory, SearchRequest request, List<SearchNotice> notices)
    {
        var positive = parts.Where(p => !p.IsPhrase && !p.Excluded).ToList();
        if (positive.Count == 0)
        {
            return (territory, null);
        }

        var territories = _generation.Referentials.Territories;
        var matches = _generation.TerritoryNames.Find([.. positive.Select(p => p.Text)], territory is null ? null : DepartementOf(territory));
        foreach (var unknown in positive.Where((p, i) => TerritoryRecognizer.LooksLikePostalCode(p.Text) && !matches.Any(m => m.Start == i)
            && territories.Departements.ContainsKey(p.Text.StartsWith("97", StringComparison.Ordinal) ? p.Text[..3] : p.Text[..2])).ToList())
        {
            notices.Add(new SearchNotice.UnknownPostalCode(unknown.Text));
        }

        if (territory is not null || matches.Count == 0)
        {
            return (territory, null);
        }

        // The most precise place wins; a département or région typed beside it only confirms it.
        var chosen = matches.OrderBy(m => m.Territory.Kind switch { PlaceKind.Commune or PlaceKind.PostalCode => 0, PlaceKind.Epci => 1, PlaceKind.Departement => 2, _ => 3 }).ThenByDescending(m => m.Length).First();
        var chosenDepartement = DepartementOf(chosen.Territory);
        var confirming = matches.Where(m => m != chosen && m.Territory.Kind is PlaceKind.Departement && m.Territory.Code == chosenDepartement).ToList();
        var usedParts = new HashSet<QueryPart>(ReferenceEqualityComparer.Instance);
        foreach (var m in confirming.Prepend(chosen))
        {
            usedParts.UnionWith(positive.Skip(m.Start).Take(m.Length));
        }

        var remaining = parts.Where(p => !usedParts.Contains(p)).ToList();
        if (chosen.SingleWord && remaining.Any(p => !p.Excluded) && FoundAsWordElsewhere(positive[chosen.Start], remaining, chosen.Territory, request))
        {
            return (null, null);
        }

        parts.RemoveAll(usedParts.Contains);
        var typed = string.Join(' ', positive.Where(usedParts.Contains).Select(p => p.Text));
        return (chosen.Territory, new PlaceInText(chosen.Territory.Code, new UserQuery(parts, [], false).Display)
        {
            Territory = chosen.Territory,
            Typed = typed,
            Alternatives = chosen.Alternatives,
        });
    }

    /// <summary>Whether the query, reading the word as text (place-name fields aside), finds offers the place reading would not show: then it is a word.</summary>
    private bool FoundAsWordElsewhere(QueryPart word, List<QueryPart> others, Territory place, SearchRequest request)
    {
        var textReading = TextQueryBuilder.Build([.. others, word], endsWithSpace: true, _generation.Analyzers, _generation.Lookups, TextQueryBuilder.ContentFields);
        var wordItself = TextQueryBuilder.Build([word], endsWithSpace: true, _generation.Analyzers, _generation.Lookups, TextQueryBuilder.ContentFields);
        if (textReading.Query is null || wordItself.Query is null)
        {
            return false;
        }

        var outside = new BooleanQuery { { textReading.Query, Occur.MUST }, { wordItself.Query, Occur.MUST }, { Any(TerritoryTerms(place)), Occur.MUST_NOT } };
        return Count(outside, BuildFilters(request with { Territoire = null }, null).Values, upTo: 1) > 0;
    }

    /// <summary>
    /// As many of the words as common text allows: offers with every word when at least
    /// <see cref="ManyEnough"/> listed offers have them all; else, offers with all words but one,
    /// then all but two, when that many have them; otherwise every offer with most words, as
    /// <see cref="TextQueryBuilder.MinimumShouldMatch"/> says. Decided on the text alone, never on
    /// the filters, so a facet's count stays what choosing it gives. Offers with more words rank
    /// first either way; this spares scoring the many partial matches of frequent words
    /// (« aide logement jeunes », a sentence of eight words) on a national catalogue. Each check
    /// stops at the threshold: a common combination costs little to confirm.
    /// </summary>
    private Query? MostWordsAllowed(Query? rewritten, int counted)
    {
        if (rewritten is not BooleanQuery { MinimumNumberShouldMatch: var minimum } most || minimum >= counted || counted < 2)
        {
            return rewritten;
        }

        for (var required = counted; required > minimum && counted - required < MaxWordsLeftOut; required--)
        {
            var fewer = (BooleanQuery)most.Clone();
            fewer.MinimumNumberShouldMatch = required;
            if (Search(fewer, () => new CountUpTo(ManyEnough)).Sum(c => c.Count) >= ManyEnough)
            {
                return fewer;
            }
        }

        return rewritten;
    }

    /// <summary>Listed offers with the words above which offers with fewer words are left out (see <see cref="MostWordsAllowed"/>).</summary>
    internal const int ManyEnough = 50;

    /// <summary>Words left out, at most, before falling back to most words (bounds the checks to three passes).</summary>
    private const int MaxWordsLeftOut = 3;

    /// <summary>
    /// What one worker of the main pass gathers: the best documents for the page, the facet
    /// counts, and each filter's counts without it (<see cref="DrillSidewaysCollector"/>).
    /// </summary>
    private sealed class PageAndFacets : ICollector
    {
        public PageAndFacets(FacetOrdinals ordinals, Sort sort, int size, IReadOnlyList<FacetDimension> filterKeys, IReadOnlyList<DocSet> filters)
        {
            // Fields are filled so that the pages of several workers merge (TopDocs.Merge). Each
            // worker's scorer moves forward (SplitSearch): the in-order collector skips the
            // document-number comparison on ties that out-of-order collection needs.
            Top = TopFieldCollector.Create(sort, size, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
            All = new FacetCountCollector(ordinals, AllFacetFields);
            Sideways = [.. filterKeys.Select(f => new FacetCountCollector(ordinals, [.. FacetDimensions.CountedBy(f).Select(d => d.Field)]))];
            Drill = new DrillSidewaysCollector(Top, filters, All, Sideways);
        }

        public TopFieldCollector Top { get; }

        public FacetCountCollector All { get; }

        public FacetCountCollector[] Sideways { get; }

        public DrillSidewaysCollector Drill { get; }

        public bool AcceptsDocsOutOfOrder => Drill.AcceptsDocsOutOfOrder;

        public void SetScorer(Scorer scorer) => Drill.SetScorer(scorer);

        public void SetNextReader(AtomicReaderContext context) => Drill.SetNextReader(context);

        public void Collect(int doc) => Drill.Collect(doc);

        /// <summary>Adds another worker's counts to these (its page is merged apart).</summary>
        public void Add(PageAndFacets other)
        {
            All.Add(other.All);
            for (var f = 0; f < Sideways.Length; f++)
            {
                Sideways[f].Add(other.Sideways[f]);
            }

            Drill.Add(other.Drill);
        }
    }

    /// <summary>Counts matches until a threshold, then stops the pass (beyond it, the exact number does not matter).</summary>
    private sealed class CountUpTo(int threshold) : SplitSearch.ILimitedCollector
    {
        public int Count { get; private set; }

        public bool IsFull => Count >= threshold;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
        }

        public void Collect(int doc) => Count++;
    }

    /// <summary>The text (or every document) restricted to the requested ids, if any.</summary>
    private Query Restricted(Query? text)
    {
        var query = text ?? new MatchAllDocsQuery();
        return _onlyIds is null ? query : new BooleanQuery { { query, Occur.MUST }, { _onlyIds, Occur.MUST } };
    }

    /// <summary>
    /// Runs one pass over the index, restricted to listed offers (unlisted ones are skipped before
    /// scoring), on idle cores too when it has many candidates: one collector per worker.
    /// </summary>
    private TCollector[] Search<TCollector>(Query query, Func<TCollector> create)
        where TCollector : ICollector
    {
        _passes++;
        return SplitSearch.Run(_searcher, query, _listed?.AsFilter(), _workers, create, _minCostToSplit);
    }

    /// <summary>Listed offers matching the text and every filter, counted up to <paramref name="upTo"/> at most (the pass stops there).</summary>
    private int Count(Query? text, IEnumerable<Query> filters, int upTo = int.MaxValue)
    {
        var query = new BooleanQuery { { Restricted(text), Occur.MUST } };
        foreach (var filter in filters)
        {
            query.Add(new ConstantScoreQuery(filter) { Boost = 0 }, Occur.MUST);
        }

        // Each worker stops at the bound: together they may pass it.
        return (int)Math.Min(upTo, Search(query, () => new CountUpTo(upTo)).Sum(c => (long)c.Count));
    }

    private static Sort ChooseSort(SearchSort sort, bool hasText) => sort switch
    {
        SearchSort.DateMaj => new Sort(new SortField(OfferFields.DateMaj, SortFieldType.INT64, reverse: true), new SortField(OfferFields.TitreSort, SortFieldType.STRING)),
        SearchSort.Titre => new Sort(new SortField(OfferFields.TitreSort, SortFieldType.STRING)),
        _ when !hasText => new Sort(new SortField(OfferFields.TitreSort, SortFieldType.STRING)),
        // With text or a territory: relevance (multiplied by locality), then freshness.
        _ => new Sort(SortField.FIELD_SCORE, new SortField(OfferFields.DateMaj, SortFieldType.INT64, reverse: true)),
    };

    private List<SearchHit> BuildHits(TopDocs topDocs, int offset, int count, TextQuery text, Query? rewritten, bool highlight, Dictionary<string, Proximity>? locality)
    {
        Proximity? ProximityOf(Offer offer) => locality is null
            ? null
            : LocalityValueSource.ValuesOf(offer, _generation.Referentials.Territories).Select(v => locality.TryGetValue(v, out var p) ? p : Proximity.National).DefaultIfEmpty(Proximity.National).Max();

        var page = topDocs.ScoreDocs.Skip(offset).Take(count).ToList();
        var terms = highlight && text.Query is not null && page.Count > 0 ? MatchTerms.Build(text, rewritten, _generation.Analyzers) : null;
        var hits = new SearchHit?[page.Count];
        void Mark(int from, int to)
        {
            var highlighter = terms is null ? null : new OffsetHighlighter(_searcher, terms, _generation.Lookups, page.Skip(from).Take(to - from).Select(d => d.Doc));
            for (var i = from; i < to; i++)
            {
                var scoreDoc = page[i];
                if (_generation.OffersByDoc[scoreDoc.Doc] is not { } offer)
                {
                    continue;
                }

                var score = float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score;
                hits[i] = highlighter is null
                    ? new SearchHit(offer, score, MarkedText.Unmarked(offer.Titre), MarkedText.Unmarked(offer.Resume), null) { Proximity = ProximityOf(offer) }
                    : new SearchHit(offer, score, highlighter.Mark(scoreDoc.Doc, OfferFields.Titre, offer.Titre), highlighter.Mark(scoreDoc.Doc, OfferFields.Resume, offer.Resume), highlighter.Snippet(scoreDoc.Doc)) { Proximity = ProximityOf(offer) };
            }
        }

        if (terms is not null && _workers > 1 && page.Count >= MinHitsToSplitMarking)
        {
            // An idle core marks the second half of the page (each half reads its own postings); a busy pool leaves it to this thread.
            var half = page.Count / 2;
            IdleCore.Both(() => Mark(0, half), () => Mark(half, page.Count));
        }
        else
        {
            Mark(0, page.Count);
        }

        return [.. hits.OfType<SearchHit>()];
    }

    /// <summary>Hits on a page below which one thread marks them all.</summary>
    private const int MinHitsToSplitMarking = 8;

    /// <summary>Replaces each unknown word by the closest indexed word (most frequent first), if that gives results.</summary>
    private SpellingSuggestion? SuggestSpelling(TextQuery text, List<QueryPart> parts, bool endsWithSpace, IEnumerable<Query> filters)
    {
        if (text.Words.Count == 0)
        {
            return null;
        }

        var reader = _searcher.IndexReader;
        var changed = false;
        var corrected = new List<QueryPart>();
        foreach (var part in parts)
        {
            if (part.Excluded || part.IsPhrase)
            {
                corrected.Add(part);
                continue;
            }

            var words = TextQueryBuilder.Analyze(_generation.Analyzers.Words, part.Text).SelectMany(p => p.Terms).ToList();
            var replaced = words.Select(w => BestSpelling(reader, w) ?? w).ToList();
            if (!replaced.SequenceEqual(words))
            {
                changed = true;
                corrected.Add(part with { Text = string.Join(' ', replaced) });
            }
            else
            {
                corrected.Add(part);
            }
        }

        if (!changed)
        {
            return null;
        }

        var correctedQuery = TextQueryBuilder.Build(corrected, endsWithSpace, _generation.Analyzers, _generation.Lookups);
        var count = Count(correctedQuery.Query, filters);
        return count == 0 ? null : new SpellingSuggestion(new UserQuery(corrected, [], false).Display, count);
    }

    private static string? BestSpelling(IndexReader reader, string word)
    {
        if (word.Length < 3 || reader.DocFreq(new Term(OfferFields.Spell, word)) > 0)
        {
            return null;
        }

        var edits = word.Length >= 6 ? 2 : 1;
        var fuzzy = new FuzzyQuery(new Term(OfferFields.Spell, word), edits, Math.Min(1, word.Length - 1), 50, transpositions: true);
        var rewritten = fuzzy.Rewrite(reader);
        var candidates = (rewritten as BooleanQuery)?.Clauses.Select(c => c.Query).OfType<TermQuery>().Select(q => q.Term)
            ?? (rewritten is TermQuery single ? [single.Term] : []);
        return candidates
            .Select(t => (Text: t.Text, Distance: Content.Text.EditDistance.Levenshtein(word, t.Text), Freq: reader.DocFreq(t)))
            .Where(c => c.Freq > 0)
            .OrderBy(c => c.Distance)
            .ThenByDescending(c => c.Freq)
            .Select(c => c.Text)
            .FirstOrDefault();
    }

    private static IReadOnlyList<string> ValuesOf(SearchRequest request, FacetDimension filter, Territory? territory) =>
        filter.Definition().IsTerritory ? territory is null ? [] : [territory.Code] : request.ValuesOf(filter);

    private static IReadOnlyList<FacetValue> ToFacetValues(FacetDimension dimension, IReadOnlyDictionary<string, int> counts, SearchRequest request, Territory? territory, int total)
    {
        if (dimension == FacetDimension.Departement && counts.TryGetValue(Offer.France, out var national))
        {
            // A département's count includes the national offers, as its filter does (see OfferDocumentFactory).
            counts = counts.ToDictionary(kv => kv.Key, kv => kv.Key == Offer.France ? kv.Value : kv.Value + national, StringComparer.Ordinal);
        }

        if (dimension == FacetDimension.Departement && territory is not null && territory.Kind != PlaceKind.Departement)
        {
            // A commune, postal code, EPCI or région is not a département value: show it selected with the true count.
            return [new FacetValue(territory.Code, total, true), .. counts.Select(kv => new FacetValue(kv.Key, kv.Value, false)).OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)];
        }

        var selected = (dimension.Definition().IsTerritory ? ValuesOf(request, dimension, territory) : request.SelectedIn(dimension)).ToList();
        var values = counts.Select(kv => new FacetValue(kv.Key, kv.Value, selected.Contains(kv.Key))).ToList();
        foreach (var missing in selected.Where(s => !counts.ContainsKey(s)))
        {
            values.Add(new FacetValue(missing, 0, true)); // Keep an active filter visible even at zero.
        }

        return [.. values.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)];
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
