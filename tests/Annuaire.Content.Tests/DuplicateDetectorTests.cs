using Annuaire.Content.Diagnostics;
using Annuaire.Content.Exchange;
using Annuaire.Content.Model;
using Annuaire.Content.Parsing;
using Annuaire.Content.Referentials;
using Annuaire.Content.Text;

namespace Annuaire.Content.Tests;

public sealed class DuplicateDetectorTests : IDisposable
{
    private static readonly string ContentCases = Path.Combine(AppContext.BaseDirectory, "TestData", "cases", "content");
    private static readonly ValidationOptions Options = new() { Today = new DateOnly(2026, 11, 22) };

    // A small vocabulary makes near-identical titles frequent: the interesting case for the index.
    private static readonly string[] TitleWords =
    [
        "aide", "permis", "conduire", "logement", "urgence", "hébergement", "garde", "enfants", "atelier", "numérique",
        "budget", "dettes", "jeunes", "emploi", "mobilité", "location", "scooters", "voiture", "solidaire", "accompagnement",
    ];

    private static readonly string[] Porteurs = ["france-travail", "caf", "cpam", "msa", "croix-rouge"];
    private static readonly string[] Thematiques =
    [
        "mobilite--acceder-a-un-vehicule", "logement-hebergement--louer-un-logement", "famille--garde-denfants",
        "numerique--acceder-a-une-connexion-internet", "difficultes-financieres--ameliorer-sa-gestion-budgetaire",
    ];

    private static readonly string[] Phones = ["02 99 00 45 16", "02 99 00 45 17", "3949", "01 23 45 67 89"];
    private static readonly string[] Emails = ["contact@example.org", "CONTACT@example.org", "accueil@example.org"];

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("annuaire-duplicates-");
    private readonly ReferentialSet _referentials;
    private readonly string[] _zones;

    public DuplicateDetectorTests()
    {
        var diagnostics = new List<Diagnostic>();
        _referentials = ReferentialLoader.Load(ContentCases, diagnostics);
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        // Communes, their départements, a few other départements and the whole country.
        _zones = [.. _referentials.Territories.Communes.Keys.Take(6), "45", "48", "61", "13", Offer.France];
    }

    public void Dispose() => _root.Delete(recursive: true);

    [Theory]
    [InlineData(1, 300)]
    [InlineData(2, 700)]
    [InlineData(3, 1200)]
    public void Find_WhenManyNearIdenticalTitles_GivesTheSameWarningsAsPairwiseComparison(int seed, int count)
    {
        var offers = GenerateOffers(seed, count);

        var expected = PairwiseOracle.Find(offers, _referentials).ToList();
        var actual = DuplicateDetector.Find(offers, _referentials).ToList();

        Assert.NotEmpty(expected);
        Assert.Contains(expected, d => d.Message.Contains("même porteur", StringComparison.Ordinal));
        Assert.Contains(expected, d => d.Message.Contains("même contact", StringComparison.Ordinal));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Load_WhenTestFolderHoldsDuplicates_ReportsTheSamePairsAsPairwiseComparison()
    {
        CopyReferentials();
        foreach (var offer in GenerateOffers(seed: 4, count: 400))
        {
            WriteOffer(offer);
        }

        var catalog = ContentLoader.Load(_root.FullName, Options);

        Assert.Equal(400, catalog.Offers.Count);
        var expected = PairwiseOracle.Find(catalog.Offers, catalog.Referentials).OrderBy(d => d.File, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, catalog.Diagnostics.Where(d => d.Code == DiagnosticCodes.ProbableDuplicate));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void Load_WhenOffersAreAddedChangedAndDeleted_FindsTheSameDuplicatesAsAFullPass(int seed)
    {
        CopyReferentials();
        var offers = GenerateOffers(seed, count: 500);
        foreach (var offer in offers.Take(400))
        {
            WriteOffer(offer);
        }

        var random = new Random(seed);
        var catalog = ContentLoader.Load(_root.FullName, Options);
        var next = 400;
        for (var round = 0; round < 12; round++)
        {
            var present = Directory.EnumerateFiles(Path.Combine(_root.FullName, "offres"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            for (var edit = 0; edit < 1 + random.Next(8); edit++)
            {
                var file = present[random.Next(present.Count)];
                switch (random.Next(3))
                {
                    case 0 when File.Exists(file):
                        File.Delete(file);
                        break;
                    case 1 when next < offers.Count:
                        WriteOffer(offers[next++]);
                        break;
                    default:
                        // Another offer's title, porteur, contact and zones: makes and undoes duplicates.
                        var id = Path.GetFileNameWithoutExtension(file);
                        var model = offers[random.Next(offers.Count)];
                        WriteOffer(model with { Id = id, SourcePath = Path.GetRelativePath(_root.FullName, file).Replace('\\', '/') }, laterWrite: true);
                        break;
                }
            }

            catalog = ContentLoader.Load(_root.FullName, Options, catalog);
            var full = ContentLoader.Load(_root.FullName, Options);

            Assert.Equal(full.Offers.Select(o => o.Id), catalog.Offers.Select(o => o.Id));
            Assert.Equal(full.Diagnostics, catalog.Diagnostics);
        }

        Assert.Contains(catalog.Diagnostics, d => d.Message.Contains("même porteur", StringComparison.Ordinal));
        Assert.Contains(catalog.Diagnostics, d => d.Message.Contains("même contact", StringComparison.Ordinal));
    }

    [Fact]
    public void Find_WhenTitlesHaveOnlyShortWords_ReportsNothing()
    {
        var offers = new[] { NewOffer("a", "Le ou la", "caf", "45"), NewOffer("b", "Le ou la", "caf", "45") };

        Assert.Empty(DuplicateDetector.Find(offers, _referentials));
    }

    [Fact]
    public void Find_WhenSameTitleOnTwoTerritories_ReportsOnlyTheOverlappingPair()
    {
        var commune = _referentials.Territories.Communes.Values.First();
        var offers = new[]
        {
            NewOffer("a", "Location de scooters solidaire", "caf", commune.Code),
            NewOffer("b", "Location solidaire de scooters", "caf", commune.Departement),
            NewOffer("c", "Location de scooters solidaire", "caf", commune.Departement == "61" ? "48" : "61"),
        };

        var warning = Assert.Single(DuplicateDetector.Find(offers, _referentials));

        Assert.Equal("offres/b.md", warning.File);
        Assert.Contains("offres/a.md", warning.Message, StringComparison.Ordinal);
    }

    private void CopyReferentials()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(ContentCases, "referentiels")))
        {
            Directory.CreateDirectory(Path.Combine(_root.FullName, "referentiels"));
            File.Copy(file, Path.Combine(_root.FullName, "referentiels", Path.GetFileName(file)));
        }
    }

    private void WriteOffer(Offer offer, bool laterWrite = false)
    {
        var path = Path.Combine(_root.FullName, offer.SourcePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, ToFile(offer));
        if (laterWrite)
        {
            // A later write time, whatever the file system's clock resolution: the load sees the change.
            File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMinutes(1));
        }
    }

    private List<Offer> GenerateOffers(int seed, int count)
    {
        var random = new Random(seed);
        var offers = new List<Offer>(count);
        for (var i = 0; i < count; i++)
        {
            var words = Enumerable.Range(0, 2 + random.Next(5)).Select(_ => TitleWords[random.Next(TitleWords.Length)]);
            var contact = random.Next(3) switch
            {
                0 => null,
                1 => new OfferContact { Telephone = Phones[random.Next(Phones.Length)] },
                _ => new OfferContact { Telephone = Phones[random.Next(Phones.Length)], Courriel = Emails[random.Next(Emails.Length)] },
            };
            offers.Add(NewOffer($"offre-{i:D5}", string.Join(' ', words), Porteurs[random.Next(Porteurs.Length)], _zones[random.Next(_zones.Length)]) with
            {
                SourcePath = $"offres/{(char)('a' + random.Next(3))}/offre-{i:D5}.md",
                Thematiques = [.. Thematiques.Where(_ => random.Next(3) == 0).DefaultIfEmpty(Thematiques[0])],
                Contact = contact,
            });
        }

        return offers;
    }

    private static Offer NewOffer(string id, string titre, string porteur, string zone) => new()
    {
        Id = id,
        SourcePath = $"offres/{id}.md",
        Titre = titre,
        Resume = "Un résumé assez long pour être valide.",
        Porteur = porteur,
        Thematiques = [Thematiques[0]],
        ZoneEligibilite = [zone],
        DateMaj = new DateOnly(2026, 10, 1),
        Body = "Le texte de l'offre.",
    };

    private static string ToFile(Offer offer) => OfferYamlWriter.Write(
        [
            new(OfferKeys.Titre, offer.Titre),
            new(OfferKeys.Resume, offer.Resume),
            new(OfferKeys.Porteur, offer.Porteur),
            new(OfferKeys.Thematiques, offer.Thematiques),
            new(OfferKeys.ZoneEligibilite, offer.ZoneEligibilite),
            new(OfferKeys.Contact, offer.Contact is null ? null : new Dictionary<string, object?> { ["telephone"] = offer.Contact.Telephone, ["courriel"] = offer.Contact.Courriel }),
            new(OfferKeys.DateMaj, offer.DateMaj.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ],
        offer.Body);

    /// <summary>The former algorithm, every pair of each group compared: kept here only as the reference.</summary>
    private static class PairwiseOracle
    {
        public static IEnumerable<Diagnostic> Find(IReadOnlyList<Offer> offers, ReferentialSet referentials)
        {
            var reported = new HashSet<(string, string)>();
            foreach (var group in offers.GroupBy(o => o.Porteur, StringComparer.Ordinal))
            {
                var items = group.Select(o => (Offer: o, Words: TextNormalizer.Words(o.Titre))).ToList();
                for (var i = 0; i < items.Count; i++)
                {
                    for (var j = i + 1; j < items.Count; j++)
                    {
                        var (a, b) = (items[i], items[j]);
                        if (Jaccard(a.Words, b.Words) >= DuplicateDetector.TitleSimilarity && ZonesOverlap(a.Offer, b.Offer, referentials.Territories) && reported.Add(Key(a.Offer, b.Offer)))
                        {
                            yield return Warn(a.Offer, b.Offer, "titre presque identique, même porteur et même territoire");
                        }
                    }
                }
            }

            var byContact = offers
                .SelectMany(o => new[] { o.Contact?.Telephone is { } t ? "tel:" + new string([.. t.Where(char.IsDigit)]) : null, o.Contact?.Courriel?.ToLowerInvariant() }
                    .Where(k => k is not null).Select(k => (Key: k!, Offer: o)))
                .GroupBy(x => x.Key, StringComparer.Ordinal);
            foreach (var group in byContact)
            {
                var items = group.Select(x => x.Offer).Distinct().ToList();
                for (var i = 0; i < items.Count; i++)
                {
                    for (var j = i + 1; j < items.Count; j++)
                    {
                        var (a, b) = (items[i], items[j]);
                        if (a.Thematiques.Intersect(b.Thematiques, StringComparer.Ordinal).Any()
                            && ZonesOverlap(a, b, referentials.Territories)
                            && Jaccard(TextNormalizer.Words(a.Titre), TextNormalizer.Words(b.Titre)) >= 0.5
                            && reported.Add(Key(a, b)))
                        {
                            yield return Warn(a, b, "même contact, même thématique et titre proche");
                        }
                    }
                }
            }
        }

        private static (string, string) Key(Offer a, Offer b) => string.CompareOrdinal(a.Id, b.Id) < 0 ? (a.Id, b.Id) : (b.Id, a.Id);

        private static Diagnostic Warn(Offer a, Offer b, string reason)
        {
            var (first, second) = string.CompareOrdinal(a.SourcePath, b.SourcePath) < 0 ? (a, b) : (b, a);
            return new Diagnostic(DiagnosticCodes.ProbableDuplicate, DiagnosticSeverity.Warning, second.SourcePath, 1, 1,
                $"Doublon probable de {first.SourcePath} ({reason}) : fusionnez les deux offres ou différenciez leurs titres.");
        }

        private static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
        {
            if (a.Count == 0 || b.Count == 0)
            {
                return 0;
            }

            var shared = a.Count(b.Contains);
            return (double)shared / (a.Count + b.Count - shared);
        }

        private static bool ZonesOverlap(Offer a, Offer b, Territories territories)
        {
            var da = a.ZoneEligibilite.Select(z => territories.DepartementOf(z) ?? z).ToHashSet(StringComparer.Ordinal);
            return b.ZoneEligibilite.Any(z => da.Contains(territories.DepartementOf(z) ?? z));
        }
    }
}
