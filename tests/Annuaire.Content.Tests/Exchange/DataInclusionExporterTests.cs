using System.Text;
using Annuaire.Content.Exchange;
using Annuaire.Content.Parsing;

namespace Annuaire.Content.Tests.Exchange;

/// <summary>The export conforms to the published data·inclusion v1 JSON Schemas, one service per place.</summary>
public sealed class DataInclusionExporterTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public async Task Export_WhenRealCatalogue_EveryWrittenServiceAndStructureConformsToSchema()
    {
        var catalog = ContentLoader.Load(TestPaths.RealContent, new ValidationOptions { Today = Today });
        var services = DataInclusionExporter.Services(catalog.Offers, "annuaire", o => $"https://annuaire.example.org/offres/{o.Id}", Today);
        var structures = DataInclusionExporter.Structures(services, catalog.Offers, catalog.Referentials, "annuaire");
        Assert.NotEmpty(services);
        Assert.NotEmpty(structures);
        var folder = Directory.CreateTempSubdirectory("annuaire-export-");
        try
        {
            DataInclusionFiles.Write(folder.FullName, services, structures);

            Assert.Empty(await DataInclusionSchema.ValidateArrayFileAsync(Path.Combine(folder.FullName, DataInclusionFiles.ServicesJson), "service.json"));
            Assert.Empty(await DataInclusionSchema.ValidateArrayFileAsync(Path.Combine(folder.FullName, DataInclusionFiles.StructuresJson), "structure.json"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        Assert.All(services, s => Assert.Contains(structures, st => st.Id == s.StructureId));
        Assert.Equal(services.Count, services.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(services.Where(s => s.Telephone is { Length: > 4 }), s => Assert.Matches(@"^\+[1-9][0-9]{7,14}$", s.Telephone));
    }

    [Fact]
    public async Task Export_WhenOfferHasThreePlaces_GivesOneValidServicePerPlace()
    {
        var offer = ExchangeOffers.MultiPlace("permanences-mobilite", "0262 12 34 56");

        var services = DataInclusionExporter.Services([offer], "cd45", null, Today);

        Assert.Equal(
            ["cd45--permanences-mobilite--maison-du-departement-d-orleans", "cd45--permanences-mobilite--antenne-de-montargis", "cd45--permanences-mobilite--antenne-de-gien"],
            services.Select(s => s.Id));
        Assert.Equal(["45234", "45208", "45155"], services.Select(s => s.CodeInsee));
        Assert.Equal(["Mo-Fr 09:00-12:00", "Tu,Th 14:00-17:00", null], services.Select(s => s.HorairesAccueil));
        Assert.Equal(["Maison du Département d'Orléans", "Antenne de Montargis", "Antenne de Gien"], services.Select(s => s.ComplementAdresse));
        Assert.All(services, s =>
        {
            Assert.Equal(offer.Titre, s.Nom);
            Assert.Equal("cd45--cd45", s.StructureId);
            Assert.Equal("+262262123456", s.Telephone);
        });
        var schema = await DataInclusionSchema.LoadAsync("service.json");
        Assert.All(services, s => Assert.Empty(schema.Validate(DataInclusionSchema.Serialize(s))));
    }

    [Fact]
    public async Task Schema_WhenServiceBreaksIt_ReportsErrors()
    {
        var broken = new DataInclusionService
        {
            Source = "s", StructureId = "s--p", Id = "s--o", Nom = "ab", Description = "d", DateMaj = "hier",
            Thematiques = ["mobilite--inexistante"],
        };
        var errors = (await DataInclusionSchema.LoadAsync("service.json")).Validate(DataInclusionSchema.Serialize(broken));
        Assert.Contains(errors, e => e.Path?.Contains("nom", StringComparison.Ordinal) == true);
        Assert.Contains(errors, e => e.Path?.Contains("thematiques", StringComparison.Ordinal) == true);
        Assert.Contains(errors, e => e.Path?.Contains("date_maj", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void SchemaCopy_WhenSharedReferencePresent_IsIdentical()
    {
        if (!Directory.Exists(DataInclusionSchema.ReferenceFolder))
        {
            return; // Outside the project's workspace only the copy exists; nothing to compare.
        }

        var reference = Directory.GetFiles(DataInclusionSchema.ReferenceFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(DataInclusionSchema.ReferenceFolder, f)).Order(StringComparer.Ordinal).ToList();
        var copy = Directory.GetFiles(DataInclusionSchema.CopyFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(DataInclusionSchema.CopyFolder, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(reference, copy);
        Assert.All(reference, f => Assert.Equal(File.ReadAllBytes(Path.Combine(DataInclusionSchema.ReferenceFolder, f)), File.ReadAllBytes(Path.Combine(DataInclusionSchema.CopyFolder, f))));
    }

    [Fact]
    public void Csv_WhenWritten_HasByteOrderMarkSemicolonsAndEscapes()
    {
        var path = Path.GetTempFileName();
        try
        {
            DataInclusionCsv.Write(path, [new DataInclusionService
            {
                Source = "s", StructureId = "s--p", Id = "s--o", Nom = "Aide; \"urgente\", vite", Description = "=HYPERLINK(\"x\")", DateMaj = "2026-01-01",
                Thematiques = ["mobilite--preparer-un-permis", "mobilite--financer-ma-mobilite"], Telephone = "+262262123456", Latitude = 47.9029,
            }]);

            var bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.StartsWith("source;structure_id;id;nom;description;date_maj;type;thematiques;", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("s;s--p;s--o;\"Aide; \"\"urgente\"\", vite\";\"'=HYPERLINK(\"\"x\"\")\";2026-01-01;;mobilite--preparer-un-permis,mobilite--financer-ma-mobilite;", lines[1], StringComparison.Ordinal);
            Assert.Contains(";+262262123456;", lines[1], StringComparison.Ordinal);
            Assert.Contains(";47.9029;", lines[1], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
