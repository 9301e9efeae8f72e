using Annuaire.Content.Exchange;
using Annuaire.Content.Parsing;

namespace Annuaire.Content.Tests.Exchange;

/// <summary>Export then import yields equivalent offers; re-imports merge with editors' changes.</summary>
public sealed class DataInclusionImporterTests
{
    private static readonly ValidationOptions Options = new() { Today = new DateOnly(2026, 11, 22) };

    private static ContentCatalog RealCatalog() => ContentLoader.Load(TestPaths.RealContent, Options);

    private static IReadOnlyList<DataInclusionService> Export(ContentCatalog catalog) =>
        DataInclusionExporter.Services(catalog.Offers, "annuaire", null, Options.Today);

    private static string? PorteurOf(ContentCatalog catalog, string structureId) =>
        structureId.StartsWith("annuaire--", StringComparison.Ordinal) && catalog.Referentials.Porteurs.ContainsKey(structureId[10..]) ? structureId[10..] : null;

    [Fact]
    public void Import_WhenExportedCatalogueIntoEmptyFolder_YieldsEquivalentOffers()
    {
        var catalog = RealCatalog();
        var services = Export(catalog);
        var empty = catalog with { Offers = [] };
        var (files, _) = DataInclusionImporter.Plan(services, s => PorteurOf(catalog, s), "offres/import", empty, new Dictionary<string, Dictionary<string, string>>(), Options);

        Assert.Equal(catalog.Offers.Count(o => services.Any(s => s.Id == "annuaire--" + o.Id || s.Id.StartsWith("annuaire--" + o.Id + "--", StringComparison.Ordinal))), files.Count);
        Assert.True(services.Count > files.Count, "le catalogue a des offres à plusieurs lieux : plus de services que d'offres");
        Assert.All(files, f => Assert.Equal(ImportAction.Created, f.Action));
        foreach (var file in files)
        {
            var (imported, diagnostics) = OfferFileReader.Parse(file.RelativePath, file.Text!, catalog.Referentials, Options);
            Assert.True(imported is not null, $"{file.Slug} : {string.Join(" ; ", diagnostics.Where(d => d.IsError))}");
            var original = catalog.Offers.Single(o => o.Id == file.Slug);
            Assert.Equal(original.Titre, imported!.Titre);
            Assert.Equal(original.Porteur, imported.Porteur);
            Assert.Equal(original.Thematiques, imported.Thematiques);
            Assert.Equal(original.Type, imported.Type);
            Assert.Equal(original.Publics, imported.Publics);
            Assert.Equal(original.ZoneEligibilite, imported.ZoneEligibilite);
            Assert.Equal(original.ModesAccueil, imported.ModesAccueil);
            Assert.Equal(original.Frais, imported.Frais);
            Assert.Equal(original.ConditionsAcces, imported.ConditionsAcces);
            Assert.Equal(original.ModesMobilisation, imported.ModesMobilisation);
            Assert.Equal(original.LienMobilisation, imported.LienMobilisation);
            Assert.Equal(original.DateMaj, imported.DateMaj);
            Assert.Equal(original.Body.Trim(), imported.Body.Trim());
            Assert.Equal(original.Contact?.Courriel, imported.Contact?.Courriel);
            Assert.Equal(original.Contact?.Telephone?.Replace(" ", string.Empty, StringComparison.Ordinal), imported.Contact?.Telephone?.Replace(" ", string.Empty, StringComparison.Ordinal));
            Assert.Equal(Places(original), Places(imported));
        }
    }

    private static List<(string?, string?, string?, string?, string?, string?, double?, double?)> Places(Content.Model.Offer offer) =>
        [.. offer.Lieux.Select(l => (l.Nom, l.Adresse, l.CodePostal, l.Commune, l.CodeInsee, l.Horaires, l.Latitude, l.Longitude))];

    [Theory]
    [InlineData("0262 12 34 56")]
    [InlineData("0269 61 23 45")]
    [InlineData("0590 12 34 56")]
    [InlineData("0596 60 12 34")]
    [InlineData("0594 30 12 34")]
    [InlineData("0692 12 34 56")]
    [InlineData("01 99 00 12 34")]
    public void Import_WhenMultiPlaceOfferWithOverseasPhoneExported_ComesBackAsTheSameOffer(string telephone)
    {
        var original = ExchangeOffers.MultiPlace("permanences-mobilite", telephone);
        var catalog = RealCatalog() with { Offers = [] };
        var services = DataInclusionExporter.Services([original], "annuaire", null, Options.Today);

        var (files, _) = DataInclusionImporter.Plan(services, s => PorteurOf(catalog, s), "offres/loiret", catalog, new Dictionary<string, Dictionary<string, string>>(), Options);

        var file = Assert.Single(files);
        Assert.Equal(ImportAction.Created, file.Action);
        Assert.Equal("permanences-mobilite", file.Slug);
        var imported = ExchangeOffers.Parse(file.Slug, file.Text!);
        Assert.Equal(Places(original), Places(imported));
        Assert.Equal(telephone.Replace(" ", string.Empty, StringComparison.Ordinal), imported.Contact?.Telephone?.Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.Equal(original.Titre, imported.Titre);

        // Exported again, the imported offer gives the same services.
        Assert.Equal(DataInclusionSchema.Serialize(services), DataInclusionSchema.Serialize(DataInclusionExporter.Services([imported], "annuaire", null, Options.Today)));
    }

    [Fact]
    public void Import_WhenReimportedAfterEditorChange_UpdatesSourceFieldsAndKeepsEditorFields()
    {
        var catalog = RealCatalog();
        var services = Export(catalog);
        var empty = catalog with { Offers = [] };
        var (first, state) = DataInclusionImporter.Plan(services, s => PorteurOf(catalog, s), "offres/import", empty, new Dictionary<string, Dictionary<string, string>>(), Options);
        var imported = first.Select(f => OfferFileReader.Parse(f.RelativePath, f.Text!, catalog.Referentials, Options).Offer!).ToList();

        // Same source again: nothing to do.
        var (again, _) = DataInclusionImporter.Plan(services, s => PorteurOf(catalog, s), "offres/import", catalog with { Offers = imported }, state, Options);
        Assert.All(again, f => Assert.Equal(ImportAction.Unchanged, f.Action));

        // An editor rewrites the conditions of one offer; the source renames it and changes its conditions too.
        var target = imported[0];
        var edited = imported.Select(o => o.Id == target.Id ? o with { ConditionsAcces = "Conditions précisées par l'éditrice du Département." } : o).ToList();
        var changedSource = services.Select(s => s.Id == "annuaire--" + target.Id ? s with { Nom = s.Nom + " (nouveau nom)", ConditionsAcces = "Autre texte de la source." } : s).ToList();
        var (merged, _) = DataInclusionImporter.Plan(changedSource, s => PorteurOf(catalog, s), "offres/import", catalog with { Offers = edited }, state, Options);

        var file = merged.Single(f => f.Slug == target.Id);
        Assert.Equal(ImportAction.Updated, file.Action);
        Assert.Contains("titre", file.ChangedFields);
        Assert.Contains("conditions_acces", file.KeptFields);
        var result = OfferFileReader.Parse(file.RelativePath, file.Text!, catalog.Referentials, Options).Offer!;
        Assert.EndsWith("(nouveau nom)", result.Titre, StringComparison.Ordinal);
        Assert.Equal("Conditions précisées par l'éditrice du Département.", result.ConditionsAcces);
        Assert.Equal(target.Resume, result.Resume);
    }

    [Fact]
    public void Import_WhenStructureUnknown_SkipsWithReason()
    {
        var catalog = RealCatalog();
        var service = Export(catalog)[0] with { StructureId = "autre--inconnue" };
        var (files, _) = DataInclusionImporter.Plan([service], _ => null, "offres/import", catalog with { Offers = [] }, new Dictionary<string, Dictionary<string, string>>(), Options);
        Assert.Equal(ImportAction.Skipped, Assert.Single(files).Action);
        Assert.Contains("autre--inconnue", files[0].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SlugOf_WhenForeignId_IsStableAndValid()
    {
        var service = new DataInclusionService { Source = "dora", StructureId = "dora--1", Id = "dora--Aidants_Connect-42", Nom = "Aidants Connect à Gien", Description = "d", DateMaj = "2026-01-01" };
        var slug = DataInclusionImporter.SlugOf(service);
        Assert.Equal(slug, DataInclusionImporter.SlugOf(service));
        Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", slug);
        Assert.StartsWith("aidants-connect-a-gien-", slug, StringComparison.Ordinal);
    }
}
