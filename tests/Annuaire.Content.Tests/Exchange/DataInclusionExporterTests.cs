using System.Text.Json;
using Annuaire.Content.Exchange;
using Annuaire.Content.Parsing;
using NJsonSchema;

namespace Annuaire.Content.Tests.Exchange;

/// <summary>The export of the real catalogue conforms to the published data·inclusion v1 JSON Schemas.</summary>
public sealed class DataInclusionExporterTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);


    private static async Task<JsonSchema> Schema(string name) =>
        await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "data-inclusion-schema-v1", name));

    [Fact]
    public async Task Export_WhenRealCatalogue_EveryServiceAndStructureConformsToSchema()
    {
        var catalog = ContentLoader.Load(TestPaths.RealContent, new ValidationOptions { Today = Today });
        var services = DataInclusionExporter.Services(catalog.Offers, "annuaire", o => $"https://annuaire.example.org/offres/{o.Id}", Today);
        var structures = DataInclusionExporter.Structures(services, catalog.Offers, catalog.Referentials, "annuaire");
        Assert.NotEmpty(services);
        Assert.NotEmpty(structures);

        var serviceSchema = await Schema("service.json");
        foreach (var service in services)
        {
            var errors = serviceSchema.Validate(JsonSerializer.Serialize(service, DataInclusionExporter.Json));
            Assert.True(errors.Count == 0, $"{service.Id} : {string.Join(" ; ", errors.Select(e => $"{e.Path} {e.Kind}"))}");
        }

        var structureSchema = await Schema("structure.json");
        foreach (var structure in structures)
        {
            var errors = structureSchema.Validate(JsonSerializer.Serialize(structure, DataInclusionExporter.Json));
            Assert.True(errors.Count == 0, $"{structure.Id} : {string.Join(" ; ", errors.Select(e => $"{e.Path} {e.Kind}"))}");
        }

        Assert.All(services, s => Assert.Contains(structures, st => st.Id == s.StructureId));
    }

    [Fact]
    public async Task Schema_WhenServiceBreaksIt_ReportsErrors()
    {
        var broken = new DataInclusionService
        {
            Source = "s", StructureId = "s--p", Id = "s--o", Nom = "ab", Description = "d", DateMaj = "hier",
            Thematiques = ["mobilite--inexistante"],
        };
        var errors = (await Schema("service.json")).Validate(JsonSerializer.Serialize(broken, DataInclusionExporter.Json));
        Assert.Contains(errors, e => e.Path?.Contains("nom", StringComparison.Ordinal) == true);
        Assert.Contains(errors, e => e.Path?.Contains("thematiques", StringComparison.Ordinal) == true);
        Assert.Contains(errors, e => e.Path?.Contains("date_maj", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("01 99 00 12 34", "+33199001234")]
    [InlineData("+33 1 99 00 12 34", "+33199001234")]
    [InlineData("115", "115")]
    public void ToE164_WhenFrenchNumber_ReturnsInternationalForm(string input, string expected) =>
        Assert.Equal(expected, DataInclusionExporter.ToE164(input));

    [Fact]
    public void ToCsv_WhenValueHasCommaOrQuote_IsEscaped()
    {
        var csv = DataInclusionExporter.ToCsv([new DataInclusionService
        {
            Source = "s", StructureId = "s--p", Id = "s--o", Nom = "Aide, \"urgente\"", Description = "d", DateMaj = "2026-01-01",
            Thematiques = ["mobilite--preparer-un-permis", "mobilite--financer-ma-mobilite"],
        }]);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("source,structure_id,id,nom,description,date_maj", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"Aide, \"\"urgente\"\"\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"mobilite--preparer-un-permis,mobilite--financer-ma-mobilite\"", lines[1], StringComparison.Ordinal);
    }
}
