using System.Text;
using Annuaire.Content;
using Annuaire.Content.Parsing;
using Annuaire.Search.Highlighting;
using Annuaire.Search.Querying;

namespace Annuaire.Search.Tests.Highlighting;

/// <summary>
/// What the engine marks, on offers written here (the referentials and synonyms of
/// TestData/content): marks come from the offsets stored in the index and keep the meaning of the
/// French analysis (accents, plurals, elisions), synonyms, typos and phrases.
/// </summary>
public class HighlightTests : IDisposable
{
    /// <summary>A long description: the match sits in its middle, far from both ends.</summary>
    private static readonly string LongBody = Filler(30_000) + " Un ornithorynque vous reçoit. " + Filler(30_000);

    private readonly OfferSearchEngine _engine;

    public HighlightTests()
        : this(PostingsCache.DefaultMinDocFreq)
    {
    }

    /// <param name="postingsMinDocFreq">Documents from which a term's postings are decoded (1: every term of these few offers).</param>
    protected HighlightTests(int postingsMinDocFreq)
    {
        _engine = new(FixedClock.Default, postingsMinDocFreq);
        var catalog = ContentLoader.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "content"), new ValidationOptions { Today = new DateOnly(2026, 11, 22) });
        var model = catalog.Offers[0];
        Content.Model.Offer Offer(string id, string titre, string resume, string body) =>
            model with { Id = id, SourcePath = $"offres/test/{id}.md", Titre = titre, Resume = resume, Body = body, MotsCles = [] };
        _engine.Rebuild(catalog with
        {
            Offers =
            [
                Offer("hebergement", "Hébergements d'urgence pour la nuit", "Un hébergement et un repas chaud.", "Appelez le 115 pour être hébergé cette nuit."),
                Offer("rsa", "Ateliers collectifs", "Des ateliers pour reprendre confiance.", "Pour les allocataires du revenu de solidarité active, le mardi."),
                Offer("rsa-court", "Permanence du mardi", "Une permanence sans rendez-vous.", "Le RSA pour tous, une permanence le mardi."),
                Offer("rsa-loin", "Permanence du jeudi", "Une permanence sur rendez-vous.", "Le RSA pour tous. " + Filler(5_000) + " Le revenu de solidarité active est versé chaque mois."),
                Offer("accompagnement", "Accompagnement budgétaire", "Un conseiller vous aide.", "Un accompagnement personnalisé, puis un suivi."),
                Offer("garage", "Réparations à petit prix", "Un atelier associatif.", "Le garage solidaire répare votre voiture. Un garage ouvert le samedi, un atelier solidaire."),
                Offer("long", "Offre au long descriptif", "Un résumé court.", LongBody),
                Offer("fin", "Garde le dimanche", "Des gardes ponctuelles.", "Une halte-garderie ouverte, voilà !!! … ——— ??? ——— !!! … ——— ??? " + new string('.', 300)),
            ],
        });
    }

    public void Dispose()
    {
        _engine.Dispose();
        GC.SuppressFinalize(this);
    }

    private SearchHit Hit(string text, string id) => _engine.Search(new SearchRequest { Text = text, PageSize = 50 }).Hits.Single(h => h.Offer.Id == id);

    private static List<string> Marked(MarkedText? text) => text?.MarkedWords().ToList() ?? [];

    [Theory]
    [InlineData("hebergement")]
    [InlineData("HÉBERGEMENTS")]
    [InlineData("l'hébergement")]
    public void Search_WhenAccentsPluralOrElision_MarksEveryFormOfTheWord(string text)
    {
        var hit = Hit(text, "hebergement");
        Assert.Equal(["Hébergements"], Marked(hit.Titre));
        Assert.Equal(["hébergement"], Marked(hit.Resume));
        Assert.Equal(["hébergé"], Marked(hit.Snippet?.Passage));
    }

    [Fact]
    public void Search_WhenWordOnlyInTitle_BodyEndingWithoutWordsHasNoSnippet()
    {
        // The body field also holds the title, after the body's text: the title's occurrences
        // must never be read as places in the body, whatever follows the body's last word.
        var hit = Hit("dimanche", "fin");
        Assert.Equal(["dimanche"], Marked(hit.Titre));
        Assert.Null(hit.Snippet);
        Assert.Equal(["halte", "garderie"], Marked(Hit("halte garderie", "fin").Snippet?.Passage));
    }

    [Fact]
    public void Search_WhenAcronym_MarksTheExpressionItStandsFor()
    {
        var hit = Hit("RSA", "rsa");
        Assert.Equal(["revenu de solidarité active"], Marked(hit.Snippet?.Passage));
        Assert.Empty(hit.Titre.Marks);
    }

    [Fact]
    public void Search_WhenSynonymSpreadsOverNeighbours_OnlyRealWordsAreMarked()
    {
        // « RSA » is indexed with « revenu de solidarité active » on top of « RSA pour tous »:
        // « solidarité » finds the offer, but « pour » and « tous » are not matches.
        var hit = Hit("solidarite", "rsa-court");
        Assert.Null(hit.Snippet);
        Assert.Equal(["solidarité"], Marked(Hit("solidarite", "rsa").Snippet?.Passage));
    }

    [Fact]
    public void Search_WhenASynonymOnlyOccurrenceComesFirst_SnippetMovesToTheRealWord()
    {
        // « solidarité » is injected on « RSA pour tous » at the start, and written 5,000
        // characters later: the first passage chosen is checked, rejected, and the snippet moves.
        var snippet = Hit("solidarite", "rsa-loin").Snippet;

        Assert.NotNull(snippet);
        Assert.True(snippet.CutBefore);
        Assert.Contains("revenu de solidarité active", snippet.Passage.Text, StringComparison.Ordinal);
        Assert.Equal(["solidarité"], Marked(snippet.Passage));
    }

    [Fact]
    public void Search_WhenTypo_MarksTheWordsTheTypoReached()
    {
        var hit = Hit("acompagnement", "accompagnement");
        Assert.Equal(["Accompagnement"], Marked(hit.Titre));
        Assert.Equal(["accompagnement"], Marked(hit.Snippet?.Passage));
    }

    [Fact]
    public void Search_WhenPhrase_MarksItsWords()
    {
        var hit = Hit("\"garage solidaire\"", "garage");
        Assert.Equal(["garage", "solidaire", "garage", "solidaire"], Marked(hit.Snippet?.Passage));
    }

    [Fact]
    public void Search_WhenLongBody_SnippetIsThePassageAroundTheMatch()
    {
        var snippet = Hit("ornithorynque", "long").Snippet;

        Assert.NotNull(snippet);
        Assert.True(snippet.CutBefore);
        Assert.True(snippet.CutAfter);
        Assert.InRange(snippet.Passage.Text.Length, 100, 300);
        Assert.Contains(snippet.Passage.Text, LongBody, StringComparison.Ordinal);
        Assert.Equal(["ornithorynque"], Marked(snippet.Passage));
    }

    [Fact]
    public void Search_WhenShortBody_SnippetIsTheWholeBodyUncut()
    {
        var snippet = Hit("hebergement", "hebergement").Snippet;

        Assert.NotNull(snippet);
        Assert.False(snippet.CutBefore);
        Assert.False(snippet.CutAfter);
        Assert.Equal("Appelez le 115 pour être hébergé cette nuit.", snippet.Passage.Text);
    }

    [Fact]
    public void Search_WhenHighlightOff_TextIsUnmarked()
    {
        var hit = _engine.Search(new SearchRequest { Text = "hebergement", Highlight = false }).Hits.Single();
        Assert.Empty(hit.Titre.Marks);
        Assert.Equal(hit.Offer.Titre, hit.Titre.Text);
        Assert.Null(hit.Snippet);
    }

    private static string Filler(int length)
    {
        var words = new[] { "le", "dossier", "est", "instruit", "par", "la", "commission", "qui", "se", "réunit", "chaque", "mois" };
        var text = new StringBuilder(length + 20);
        for (var i = 0; text.Length < length; i++)
        {
            text.Append(words[i % words.Length]).Append(i % 17 == 16 ? ".\n" : " ");
        }

        return text.ToString();
    }
}

/// <summary>The same marks when the search walks every term on its decoded postings (the marks then skip the page's documents without the term).</summary>
public sealed class HighlightWithDecodedPostingsTests : HighlightTests
{
    public HighlightWithDecodedPostingsTests()
        : base(postingsMinDocFreq: 1)
    {
    }
}
