using Annuaire.Content;
using Annuaire.Content.Model;

namespace Annuaire.Bench;

/// <summary>
/// Generates N realistic offers from the real catalogue: titles, summaries and body paragraphs are
/// recombined from real offers; thématiques, publics, porteurs and zones are drawn from the
/// referentials. Deterministic for a given seed.
/// </summary>
internal sealed class CorpusGenerator(ContentCatalog source, int seed)
{
    private readonly Random _random = new(seed);
    private readonly IReadOnlyList<Offer> _offers = source.Offers;
    private readonly string[] _paragraphs = [.. source.Offers.SelectMany(o => o.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length > 40)];
    private readonly string[] _places = [.. source.Referentials.Territories.Communes.Values.Select(c => c.Nom)];

    public ContentCatalog Generate(int count)
    {
        var refs = source.Referentials;
        var zones = refs.Territories.Communes.Keys.Concat(["45", "48", "61", "france", "244500468"]).ToArray();
        var porteurs = refs.Porteurs.Keys.ToArray();
        var offers = new List<Offer>(count);
        for (var i = 0; i < count; i++)
        {
            var model = Pick(_offers);
            var family = Pick(refs.Thematiques.Keys);
            offers.Add(model with
            {
                Id = $"{model.Id}-{i}",
                SourcePath = $"offres/gen/{model.Id}-{i}.md",
                Titre = $"{model.Titre} – {Pick(_places)}",
                Resume = Pick(_offers).Resume,
                Porteur = Pick(porteurs),
                Partenaires = _random.Next(4) == 0 ? [Pick(porteurs)] : [],
                Thematiques = _random.Next(3) == 0 ? [.. model.Thematiques, family] : model.Thematiques,
                Publics = [Pick(refs.Publics.Keys)],
                ZoneEligibilite = [Pick(zones)],
                DateMaj = new DateOnly(2025, 1, 1).AddDays(_random.Next(690)),
                Statut = _random.Next(50) == 0 ? OfferStatus.Archive : _random.Next(40) == 0 ? OfferStatus.Suspendu : OfferStatus.Actif,
                Body = string.Join("\n\n", Enumerable.Range(0, 3 + _random.Next(4)).Select(_ => Pick(_paragraphs))),
            });
        }

        return source with { Offers = offers, Diagnostics = [], FileCount = count };
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
