using System.Text;
using System.Text.Json;

namespace Annuaire.Content.Exchange;

/// <summary>The files of an export: <c>services.json</c>, <c>structures.json</c> and <c>services.csv</c>.</summary>
public static class DataInclusionFiles
{
    /// <summary>Services in the schema's JSON.</summary>
    public const string ServicesJson = "services.json";

    /// <summary>Structures in the schema's JSON.</summary>
    public const string StructuresJson = "structures.json";

    /// <summary>Services for spreadsheets (see <see cref="DataInclusionCsv"/>).</summary>
    public const string ServicesCsv = "services.csv";

    /// <summary>Writes the three files into <paramref name="folder"/> (created if needed).</summary>
    public static void Write(string folder, IReadOnlyList<DataInclusionService> services, IReadOnlyList<DataInclusionStructure> structures)
    {
        Directory.CreateDirectory(folder);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(Path.Combine(folder, ServicesJson), JsonSerializer.Serialize(services, DataInclusionExporter.Json), utf8);
        File.WriteAllText(Path.Combine(folder, StructuresJson), JsonSerializer.Serialize(structures, DataInclusionExporter.Json), utf8);
        DataInclusionCsv.Write(Path.Combine(folder, ServicesCsv), services);
    }
}
