using System.Globalization;
using System.Text;
using Annuaire.Content;
using Annuaire.Content.Exchange;
using Annuaire.Content.Model;
using Annuaire.Content.Parsing;
using Annuaire.Content.Referentials;
using Annuaire.Content.Text;

namespace Annuaire.Bench.Realistic;

/// <summary>
/// Writes a content folder of N offer files shaped like a national catalogue: long bodies
/// (1,000–20,000 characters, median about 2,000, built sentence by sentence from
/// <see cref="FrenchMaterial"/> and the real catalogue's sentences), one porteur (France Travail)
/// holding 30 % of the offers and the others on a Zipf curve, zones spread over every
/// département plus communes, EPCI and national offers, thématiques and publics from the
/// referentials. Deterministic for a seed; every file validates.
/// </summary>
internal sealed class RealisticCorpus
{
    public const int MinBodyLength = 1_000;
    public const int MaxBodyLength = 20_000;
    public const int MaxTitleLength = 150;
    public const string DominantPorteur = "france-travail";
    public const double DominantShare = 0.30;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ContentCatalog _source;
    private readonly ReferentialSet _refs;
    private readonly Random _random;
    private readonly string[] _realSentences;
    private readonly string[] _families;
    private readonly Dictionary<string, string[]> _thematiquesByFamily;
    private readonly string[] _otherPorteurs;
    private readonly string[] _departements;
    private readonly Commune[] _communes;
    private readonly Epci[] _epcis;
    private readonly DateOnly _today;

    public RealisticCorpus(ContentCatalog source, int seed)
    {
        _source = source;
        _refs = source.Referentials;
        _random = new Random(seed);
        _today = FrenchClock.Today(TimeProvider.System);
        _realSentences = [.. source.Offers
            .SelectMany(o => OfferMarkdown.ToPlainText(o.Body).Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(s => s.Length is > 40 and < 400 && !s.Contains('\n', StringComparison.Ordinal))
            .Select(s => s.EndsWith('.') ? s : s + ".")];
        _thematiquesByFamily = _refs.Thematiques.Keys.GroupBy(ThematiqueFamily.Of).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _families = [.. FrenchMaterial.Services.Keys.Where(_thematiquesByFamily.ContainsKey)];
        _otherPorteurs = [.. _refs.Porteurs.Keys.Where(k => k != DominantPorteur).Order(StringComparer.Ordinal)];
        // A fixed shuffle so that the populous départements are not simply the first codes.
        _departements = [.. _refs.Territories.Departements.Keys.Order(StringComparer.Ordinal).OrderBy(_ => _random.Next())];
        _communes = [.. _refs.Territories.Communes.Values.OrderBy(c => c.Code, StringComparer.Ordinal)];
        _epcis = [.. _refs.Territories.Epcis.Values.OrderBy(e => e.Code, StringComparer.Ordinal)];
    }

    /// <summary>Writes the referentials and <paramref name="count"/> offers under <paramref name="target"/>.</summary>
    public void Write(int count, string target)
    {
        var referentials = Directory.CreateDirectory(Path.Combine(target, ReferentialLoader.FolderName)).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_source.Root, ReferentialLoader.FolderName)))
        {
            File.Copy(file, Path.Combine(referentials, Path.GetFileName(file)), overwrite: true);
        }

        for (var i = 0; i < count; i++)
        {
            var (folder, slug, text) = Next(i);
            var directory = Path.Combine(target, ContentLoader.OffersFolder, folder);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, slug + ".md"), text, Utf8);
        }
    }

    private (string Folder, string Slug, string Text) Next(int index)
    {
        var family = PickSkewed(_families, 0.8);
        var familyThematiques = _thematiquesByFamily[family];
        var thematiques = Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Pick(familyThematiques)).ToList();
        if (_random.Next(5) == 0)
        {
            thematiques.Add(Pick(_thematiquesByFamily[Pick(_families)]));
        }

        var porteur = _random.NextDouble() < DominantShare ? DominantPorteur : PickSkewed(_otherPorteurs, 1.0);
        var (zone, place) = Zone();
        var service = Pick(FrenchMaterial.Services[family]);
        var titre = service;
        if (_random.Next(10) < 6)
        {
            titre += " " + Pick(FrenchMaterial.Qualifiers);
        }

        if (place is not null && _random.Next(10) < 7 && titre.Length + 3 + place.Length <= MaxTitleLength)
        {
            titre += " – " + place;
        }

        var site = $", {Pick(FrenchMaterial.Sites)} {Pick(FrenchMaterial.Quarters)}";
        if (_random.Next(10) < 8 && titre.Length + site.Length <= MaxTitleLength)
        {
            titre += site;
        }

        var resume = Clip($"{Pick(FrenchMaterial.Actors)} {Pick(FrenchMaterial.Actions)} {Pick(FrenchMaterial.Publics)} {Pick(FrenchMaterial.Goals)}.", 280);
        var telephone = porteur == DominantPorteur && _random.Next(2) == 0
            ? "3949"
            : string.Create(CultureInfo.InvariantCulture, $"0{1 + _random.Next(5)} {_random.Next(100):D2} {_random.Next(100):D2} {_random.Next(100):D2} {_random.Next(100):D2}");
        var fields = new List<KeyValuePair<string, object?>>
        {
            new(OfferKeys.Titre, titre),
            new(OfferKeys.Resume, resume),
            new(OfferKeys.Porteur, porteur),
            new(OfferKeys.Thematiques, thematiques.Distinct(StringComparer.Ordinal).ToList()),
            new(OfferKeys.Type, Pick(_refs.Types.Keys)),
            new(OfferKeys.Publics, Enumerable.Range(0, 1 + _random.Next(2)).Select(_ => PickSkewed(_refs.Publics.Keys, 0.7)).Distinct(StringComparer.Ordinal).ToList()),
            new(OfferKeys.ZoneEligibilite, new List<string> { zone }),
            new(OfferKeys.ModesAccueil, new List<string> { Pick(_refs.ModesAccueil.Keys) }),
            new(OfferKeys.Frais, _random.Next(5) == 0 ? "payant" : "gratuit"),
            new(OfferKeys.Contact, new Dictionary<string, object?>
            {
                ["telephone"] = telephone,
                ["courriel"] = _random.Next(5) < 2 ? $"contact-{index}@example.org" : null,
            }),
            new(OfferKeys.MotsCles, _random.Next(10) < 3 ? Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Pick(FrenchMaterial.Extras)).Distinct(StringComparer.Ordinal).ToList() : null),
            new(OfferKeys.DateMaj, _today.AddDays(-_random.Next(330)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new(OfferKeys.Statut, _random.Next(50) switch { 0 => "archive", 1 => "suspendu", _ => null }),
        };
        var folder = _refs.Territories.DepartementOf(zone) ?? "national";
        var slug = $"{Slug(service)}-{Slug(zone)}-{index}";
        return (folder, slug, OfferYamlWriter.Write(fields, Body(place)));
    }

    /// <summary>A zone code and the place name a title or body may mention.</summary>
    private (string Code, string? Place) Zone()
    {
        var roll = _random.Next(100);
        if (roll < 6)
        {
            return (Offer.France, null);
        }

        if (roll < 16 && _communes.Length > 0)
        {
            var commune = Pick(_communes);
            return (commune.Code, commune.Nom);
        }

        if (roll < 19 && _epcis.Length > 0)
        {
            var epci = Pick(_epcis);
            return (epci.Code, epci.Nom);
        }

        var departement = PickSkewed(_departements, 0.6);
        return (departement, _refs.Territories.Departements[departement]);
    }

    private string Body(string? place)
    {
        // Log-normal length: median ≈ 2,000 characters, a long tail up to the maximum.
        var gaussian = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
        var target = (int)Math.Clamp(2_000 * Math.Exp(0.7 * gaussian), MinBodyLength, MaxBodyLength);
        var body = new StringBuilder(target + 600);
        var headings = FrenchMaterial.Headings.OrderBy(_ => _random.Next()).ToArray();
        var paragraph = 0;
        while (body.Length < target)
        {
            if (paragraph > 0 && paragraph % 2 == 0)
            {
                body.Append("## ").Append(headings[(paragraph / 2) % headings.Length]).Append("\n\n");
            }

            if (_random.Next(6) == 0)
            {
                foreach (var document in FrenchMaterial.Documents.OrderBy(_ => _random.Next()).Take(2 + _random.Next(4)))
                {
                    body.Append("- ").Append(document).Append(" ;\n");
                }
            }
            else
            {
                var sentences = 2 + _random.Next(4);
                for (var s = 0; s < sentences; s++)
                {
                    body.Append(s == 0 ? string.Empty : " ").Append(Sentence(place));
                }

                body.Append('\n');
            }

            body.Append('\n');
            paragraph++;
        }

        if (body.Length > MaxBodyLength)
        {
            var cut = body.ToString(0, MaxBodyLength);
            return cut[..(cut.LastIndexOf(' ') is > 0 and var space ? space : cut.Length)];
        }

        return body.ToString();
    }

    private string Sentence(string? place) => _random.Next(9) switch
    {
        0 => $"{Pick(FrenchMaterial.Actors)} {Pick(FrenchMaterial.Actions)} {Pick(FrenchMaterial.Publics)} {Pick(FrenchMaterial.Goals)}.",
        1 => $"{Pick(FrenchMaterial.Connectors)} {Lower(Pick(FrenchMaterial.Actors))} {Pick(FrenchMaterial.Actions)} {Pick(FrenchMaterial.Publics)} {Pick(FrenchMaterial.Goals)}.",
        2 => $"{Pick(FrenchMaterial.Conditions)}.",
        3 => $"Il faut fournir {Pick(FrenchMaterial.Documents)}, {Pick(FrenchMaterial.Documents)} et {Pick(FrenchMaterial.Documents)}.",
        4 => Pick(FrenchMaterial.Practical),
        5 when place is not null => $"À {place}, {Lower(Pick(FrenchMaterial.Actors))} {Pick(FrenchMaterial.Actions)} {Pick(FrenchMaterial.Publics)} {Pick(FrenchMaterial.Goals)}.",
        6 => $"Le service « {Lower(Pick(FrenchMaterial.Services[Pick(_families)]))} » s'adresse aussi {Aux(Pick(FrenchMaterial.Publics))} {Pick(FrenchMaterial.Qualifiers)}.",
        _ when _realSentences.Length > 0 => Pick(_realSentences),
        _ => Pick(FrenchMaterial.Practical),
    };

    /// <summary>« les jeunes » → « aux jeunes ».</summary>
    private static string Aux(string publicGroup) => "aux " + publicGroup[4..];

    private static string Lower(string text) => char.ToLowerInvariant(text[0]) + text[1..];

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + ".";

    private static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in TextNormalizer.Fold(text))
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var words = slug.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('-', words.Take(6));
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A Zipf-like pick: item k has weight 1 / (k + 1)^exponent.</summary>
    private T PickSkewed<T>(IReadOnlyList<T> items, double exponent)
    {
        var total = 0.0;
        for (var k = 0; k < items.Count; k++)
        {
            total += Math.Pow(k + 1, -exponent);
        }

        var roll = _random.NextDouble() * total;
        for (var k = 0; k < items.Count; k++)
        {
            roll -= Math.Pow(k + 1, -exponent);
            if (roll <= 0)
            {
                return items[k];
            }
        }

        return items[^1];
    }
}
