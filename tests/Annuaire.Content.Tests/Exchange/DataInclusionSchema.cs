using System.Text.Json;
using Annuaire.Content.Exchange;
using NJsonSchema;

namespace Annuaire.Content.Tests.Exchange;

/// <summary>
/// The published data·inclusion v1 JSON Schemas. Read from the project's shared reference
/// (<c>../shared/reference/data-inclusion-schema-v1</c>, beside the repository) when present,
/// else from the copy under TestData, which must not drift from it.
/// </summary>
internal static class DataInclusionSchema
{
    public static string ReferenceFolder => Path.GetFullPath(Path.Combine(TestPaths.RepositoryRoot(), "..", "shared", "reference", "data-inclusion-schema-v1"));

    public static string CopyFolder => Path.Combine(AppContext.BaseDirectory, "TestData", "data-inclusion-schema-v1");

    public static string Folder => Directory.Exists(ReferenceFolder) ? ReferenceFolder : CopyFolder;

    public static Task<JsonSchema> LoadAsync(string name) => JsonSchema.FromFileAsync(Path.Combine(Folder, name));

    /// <summary>Every element of a JSON array file, validated; returns « id : errors » lines.</summary>
    public static async Task<IReadOnlyList<string>> ValidateArrayFileAsync(string path, string schemaName)
    {
        var schema = await LoadAsync(schemaName);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        return [.. json.RootElement.EnumerateArray()
            .Select(e => (Id: e.GetProperty("id").GetString(), Errors: schema.Validate(e.GetRawText())))
            .Where(r => r.Errors.Count > 0)
            .Select(r => $"{r.Id} : {string.Join(" ; ", r.Errors.Select(x => $"{x.Path} {x.Kind}"))}")];
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, DataInclusionExporter.Json);
}
