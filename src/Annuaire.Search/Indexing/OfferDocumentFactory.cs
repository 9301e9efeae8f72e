using System.Text;
using Annuaire.Content.Model;
using Annuaire.Content.Referentials;
using Annuaire.Content.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Annuaire.Search.Indexing;

/// <summary>Turns an <see cref="Offer"/> into a Lucene document (see <see cref="OfferFields"/>).</summary>
internal static class OfferDocumentFactory
{
    /// <summary>
    /// Stored text whose postings keep each occurrence's character offsets: highlighting reads
    /// where the search's terms are instead of analysing the text again.
    /// </summary>
    private static readonly FieldType HighlightedText = WithOffsets(TextField.TYPE_NOT_STORED); // Marked on the offer's own text, held in memory.

    /// <summary>The body is not stored: its text is kept in <see cref="BodyPages"/>, read a page at a time.</summary>
    private static readonly FieldType HighlightedBody = WithOffsets(TextField.TYPE_NOT_STORED);

    /// <summary>Between the texts appended to the body: a paragraph break (a sloppy phrase may still span it, as it may span two paragraphs).</summary>
    private const string ValueSeparator = "\n\n";

    /// <summary>
    /// Words for typos and prefixes (fuzzy, prefix and term lookups, scored by frequency): no
    /// positions, since no phrase is ever searched there; the body's words are not stored twice.
    /// </summary>
    private static readonly FieldType WordsOnly = WithOptions(TextField.TYPE_NOT_STORED, IndexOptions.DOCS_AND_FREQS);

    public static Document Create(Offer offer, ReferentialSet refs) => Create(offer, refs, new KeywordFields());

    /// <summary>
    /// The document of <paramref name="offer"/>, its keyword fields taken from <paramref name="keywords"/>
    /// (reset here: the document it last served must have been added already).
    /// </summary>
    public static Document Create(Offer offer, ReferentialSet refs, KeywordFields keywords)
    {
        keywords.Reset();
        var markdown = offer.Body; // Decoded on each read: once here.
        var body = OfferMarkdown.ToPlainText(markdown);
        var doc = new Document
        {
            new StringField(OfferFields.Id, offer.Id, Field.Store.YES),
            new SortedDocValuesField(OfferFields.IdValue, new BytesRef(offer.Id)),
            new Field(OfferFields.Titre, offer.Titre, HighlightedText),
            new Field(OfferFields.Resume, offer.Resume, HighlightedText),
            new NumericDocValuesField(OfferFields.DateMaj, DateKey(offer.DateMaj)),
            new SortedDocValuesField(OfferFields.TitreSort, new BytesRef(TextNormalizer.Fold(offer.Titre))),
        };

        foreach (var page in BodyPages.Fields(body))
        {
            doc.Add(page);
        }

        foreach (var keyword in offer.MotsCles)
        {
            doc.Add(new TextField(OfferFields.MotsCles, keyword, Field.Store.NO));
        }

        // Labels advisers type: thématiques, families, publics, type; then structures; then places.
        var tags = offer.Thematiques.Select(refs.Thematiques.Label)
            .Concat(offer.ThematiqueFamilies.Select(refs.ThematiqueFamilies.Label))
            .Concat(offer.Publics.Where(p => p != Offer.TousPublics).Select(refs.Publics.Label))
            .Concat(offer.Type is null ? [] : [refs.Types.Label(offer.Type)]).Distinct(StringComparer.Ordinal).ToList();
        var porteurs = offer.Partenaires.Prepend(offer.Porteur).Select(refs.PorteurName).Distinct(StringComparer.Ordinal).ToList();
        AddText(doc, OfferFields.Tags, tags);

        // The body field also holds the offer's other words, after the body's own text (so the
        // offsets of the body's words are offsets in the body, and the others lie beyond its end):
        // a word is matched anywhere in one postings list, and the short fields only add their
        // weight to the offers found (see TextQueryBuilder). One value, not several: the offset
        // of a second value starts after the last word of the first, which may be inside it.
        var everything = new StringBuilder(body, body.Length + 512);
        foreach (var text in new[] { offer.Titre, offer.Resume }.Concat(offer.MotsCles).Concat(tags).Concat(porteurs))
        {
            everything.Append(ValueSeparator).Append(text);
        }

        doc.Add(new Field(OfferFields.Body, everything.ToString(), HighlightedBody));
        AddText(doc, OfferFields.Territoire, offer.ZoneEligibilite.Select(z => TerritoryName(z, refs.Territories))
            .Concat(offer.Lieux.SelectMany(l => new[] { l.Commune, l.Nom }).OfType<string>()));

        foreach (var text in new[] { offer.Titre, offer.Resume, markdown }.Concat(offer.MotsCles))
        {
            doc.Add(new Field(OfferFields.Spell, text, WordsOnly));
        }

        doc.Add(new TextField(OfferFields.Suggest, offer.Titre, Field.Store.NO));
        foreach (var keyword in offer.MotsCles)
        {
            doc.Add(new TextField(OfferFields.Suggest, keyword, Field.Store.NO));
        }

        foreach (var facet in Querying.FacetDimensions.All)
        {
            var values = facet.ValuesOf(offer, refs).ToList();
            // A département filter also shows national offers: counting a national offer only under
            // « france » lets each département's count be its own offers plus the national ones,
            // which is exactly what choosing it gives.
            var counted = facet.IsTerritory && values.Contains(Offer.France) ? [Offer.France] : values;
            AddFacet(doc, keywords, facet.Field, values, counted);
        }

        foreach (var zone in ZoneTerms(offer, refs.Territories))
        {
            doc.Add(keywords.Get(OfferFields.Zone, zone));
        }

        foreach (var locality in Querying.LocalityValueSource.ValuesOf(offer, refs.Territories))
        {
            doc.Add(new SortedSetDocValuesField(OfferFields.Locality, new BytesRef(locality)));
        }

        return doc;
    }

    private static FieldType WithOffsets(FieldType type) => WithOptions(type, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);

    private static FieldType WithOptions(FieldType type, IndexOptions options)
    {
        var result = new FieldType(type) { IndexOptions = options };
        result.Freeze();
        return result;
    }

    /// <summary>yyyyMMdd as a number, sortable and range-searchable.</summary>
    public static long DateKey(DateOnly date) => (date.Year * 10000L) + (date.Month * 100L) + date.Day;

    /// <summary>
    /// The zone codes to match territory filters: the codes as written, plus the communes of an
    /// EPCI zone, so that filtering on a commune only needs the commune, its département and france.
    /// </summary>
    private static HashSet<string> ZoneTerms(Offer offer, Territories territories)
    {
        var terms = new HashSet<string>(offer.ZoneEligibilite, StringComparer.Ordinal);
        foreach (var zone in offer.ZoneEligibilite.Where(z => territories.Classify(z) == TerritoryKind.Epci))
        {
            terms.UnionWith(territories.CommunesOfEpci(zone).Select(c => c.Code));
        }

        return terms;
    }

    private static string TerritoryName(string zone, Territories territories)
    {
        var name = territories.NameOf(zone);
        var paren = name.IndexOf(" (", StringComparison.Ordinal);
        return paren > 0 ? name[..paren] : name;
    }

    private static void AddText(Document doc, string field, IEnumerable<string> values)
    {
        foreach (var value in values.Distinct(StringComparer.Ordinal))
        {
            doc.Add(new TextField(field, value, Field.Store.NO));
        }
    }

    /// <summary>Indexes <paramref name="values"/> for filtering and <paramref name="counted"/> for counting.</summary>
    private static void AddFacet(Document doc, KeywordFields keywords, string field, IEnumerable<string> values, IEnumerable<string> counted)
    {
        foreach (var value in values.Distinct(StringComparer.Ordinal))
        {
            doc.Add(keywords.Get(field, value));
        }

        foreach (var value in counted.Distinct(StringComparer.Ordinal))
        {
            doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        }
    }
}
