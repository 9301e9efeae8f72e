using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Annuaire.Content;
using Annuaire.Content.Exchange;
using Annuaire.Content.Parsing;

namespace Annuaire.Cli.Commands;

/// <summary>
/// <c>annuaire import --from data-inclusion services.json --out offres/import</c>: creates or updates
/// offer files; fields changed by editors since the previous import are left alone.
/// </summary>
internal static class ImportCommand
{
    /// <summary>Where the values of the previous import are kept (relative to the content root).</summary>
    public const string StateFile = "imports/data-inclusion.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("fichier") { Description = "services.json au schéma data·inclusion v1." };
        var from = new Option<string>("--schema", "--from") { Description = "Schéma des services importés.", DefaultValueFactory = _ => "data-inclusion" };
        from.AcceptOnlyFromAmong("data-inclusion");
        var map = new Option<string?>("--porteur-map") { Description = "Fichier JSON { \"structure_id\": \"cle-porteur\" } ; sans lui, « source--cle » est reconnu si la clé existe." };
        var output = new Option<string>("--out") { Description = "Dossier des nouvelles offres, relatif au contenu (ex. offres/import).", DefaultValueFactory = _ => "offres/import" };
        var content = CliOptions.Content();
        var dryRun = new Option<bool>("--dry-run") { Description = "Affiche ce qui changerait sans rien écrire." };
        var command = new Command("import", "Importe des services data·inclusion en offres (mise à jour sur place, identifiants stables).") { input, from, map, output, content, dryRun };
        command.SetAction(result =>
        {
            var root = Path.GetFullPath(result.GetValue(content)!);
            var options = ValidationOptions.ForToday(console.Clock);
            var catalog = ContentLoader.Load(root, options);
            var services = JsonSerializer.Deserialize<List<DataInclusionService>>(File.ReadAllText(result.GetValue(input)!)) ?? [];
            var porteurMap = result.GetValue(map) is { } mapFile
                ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(mapFile)) ?? []
                : [];
            string? PorteurOf(string structureId)
            {
                if (porteurMap.TryGetValue(structureId, out var key))
                {
                    return key;
                }

                var local = structureId[(structureId.IndexOf("--", StringComparison.Ordinal) + 2)..];
                return catalog.Referentials.Porteurs.ContainsKey(local) ? local : null;
            }

            var statePath = Path.Combine(root, StateFile);
            var previous = File.Exists(statePath)
                ? JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(statePath)) ?? []
                : [];
            var (files, state) = DataInclusionImporter.Plan(services, PorteurOf, result.GetValue(output)!, catalog, previous, options);
            foreach (var file in files)
            {
                var detail = file.Action switch
                {
                    ImportAction.Updated => $" : {string.Join(", ", file.ChangedFields)}",
                    ImportAction.Skipped => $" : {file.Problem}",
                    _ => string.Empty,
                };
                var kept = file.KeptFields.Count > 0 ? $" (modifiés par un éditeur, conservés : {string.Join(", ", file.KeptFields)})" : string.Empty;
                console.Out.WriteLine($"{Label(file.Action),-10} {file.RelativePath}{detail}{kept}");
                if (!result.GetValue(dryRun) && file.Text is not null)
                {
                    var path = Path.Combine(root, file.RelativePath);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllText(path, file.Text, new UTF8Encoding(false));
                }
            }

            if (!result.GetValue(dryRun))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(statePath)!);
                File.WriteAllText(statePath, JsonSerializer.Serialize(state, Json), new UTF8Encoding(false));
            }

            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{files.Count(f => f.Action == ImportAction.Created)} créée(s), {files.Count(f => f.Action == ImportAction.Updated)} mise(s) à jour, {files.Count(f => f.Action == ImportAction.Unchanged)} inchangée(s), {files.Count(f => f.Action == ImportAction.Skipped)} ignorée(s){(result.GetValue(dryRun) ? " — simulation, rien n'a été écrit" : string.Empty)}."));
            return files.Any(f => f.Action == ImportAction.Skipped) ? ExitCodes.InvalidContent : ExitCodes.Ok;
        });
        return command;
    }

    private static string Label(ImportAction action) => action switch
    {
        ImportAction.Created => "créée",
        ImportAction.Updated => "modifiée",
        ImportAction.Unchanged => "inchangée",
        _ => "ignorée",
    };
}
