using Annuaire.Content;
using Annuaire.Content.Model;
using Annuaire.Content.Text;
using Annuaire.Search.Querying;

namespace Annuaire.Bench.Realistic;

/// <summary>
/// One adviser query, engine-neutral: 2–8 words (sometimes with a typo or without accents) and
/// optional filters (département, thématique family, public). Both engines get exactly these.
/// </summary>
internal sealed record AdviserQuery(string Text, string? Departement, string? Famille, string? Public, int Page)
{
    public const int PageSize = 20;

    /// <summary>The same query for the Annuaire engine (facets and highlighted snippets on).</summary>
    public SearchRequest ToSearchRequest() => new SearchRequest
    {
        Text = Text,
        Territoire = Departement,
        Page = Page,
        PageSize = PageSize,
    }.With(FacetDimension.Thematique, Famille is null ? [] : [Famille]).With(FacetDimension.Public, Public is null ? [] : [Public]);
}

/// <summary>
/// Builds the query mix from the loaded catalogue, the way advisers search: words of an existing
/// offer's title and summary in their own order, a few generic words, a typo in a third of the
/// queries, accents dropped in 40 %, and filters on the offer's département (50 %), family (30 %)
/// and public (15 %). Deterministic for a seed.
/// </summary>
internal static class AdviserQueries
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "les", "des", "pour", "dans", "aux", "une", "sur", "par", "avec", "leur", "leurs", "sans", "est", "qui", "que", "son", "ses", "ans",
    };

    public static AdviserQuery[] Build(ContentCatalog catalog, int count, int seed)
    {
        var random = new Random(seed);
        var territories = catalog.Referentials.Territories;
        var queries = new AdviserQuery[count];
        for (var q = 0; q < count; q++)
        {
            var offer = catalog.Offers[random.Next(catalog.Offers.Count)];
            var length = 2 + random.Next(7);
            var titleWords = Words(offer.Titre);
            var words = titleWords.Skip(random.Next(Math.Max(1, titleWords.Count - 1))).Take(Math.Min(length, 1 + random.Next(4))).ToList();
            var resumeWords = Words(offer.Resume);
            while (words.Count < length)
            {
                words.Add(random.Next(3) == 0 || resumeWords.Count == 0
                    ? FrenchMaterial.Extras[random.Next(FrenchMaterial.Extras.Length)]
                    : resumeWords[random.Next(resumeWords.Count)]);
            }

            if (random.Next(3) == 0)
            {
                var typoAt = words.FindIndex(w => w.Length >= 5);
                if (typoAt >= 0)
                {
                    words[typoAt] = Typo(words[typoAt], random);
                }
            }

            var text = string.Join(' ', words);
            if (random.Next(10) < 4)
            {
                text = TextNormalizer.Fold(text);
            }

            var zone = offer.ZoneEligibilite[0];
            var departement = random.Next(2) == 0 ? (zone == Offer.France ? Offer.France : territories.DepartementOf(zone)) : null;
            var famille = random.Next(10) < 3 ? offer.ThematiqueFamilies.First() : null;
            var publicKey = random.Next(100) < 15 ? offer.Publics[0] : null;
            queries[q] = new AdviserQuery(text, departement == Offer.France ? null : departement, famille, publicKey, random.Next(10) == 0 ? 2 : 1);
        }

        return queries;
    }

    private static List<string> Words(string text) =>
        [.. text.Split([' ', '\'', '’', ',', '.', '(', ')', '–', ':', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 3 && !StopWords.Contains(w.ToLowerInvariant()))
            .Select(w => w.ToLowerInvariant())];

    /// <summary>One edit: a dropped, doubled, swapped or replaced letter.</summary>
    private static string Typo(string word, Random random)
    {
        var at = 1 + random.Next(word.Length - 2);
        return random.Next(4) switch
        {
            0 => word.Remove(at, 1),
            1 => word.Insert(at, word[at].ToString()),
            2 => string.Concat(word.AsSpan(0, at), word[at + 1].ToString(), word[at].ToString(), word.AsSpan(at + 2)),
            _ => string.Concat(word.AsSpan(0, at), ((char)('a' + random.Next(26))).ToString(), word.AsSpan(at + 1)),
        };
    }
}
