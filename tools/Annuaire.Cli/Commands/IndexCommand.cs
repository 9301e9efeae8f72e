using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Annuaire.Content;
using Annuaire.Content.Parsing;
using Annuaire.Search.Indexing;

namespace Annuaire.Cli.Commands;

/// <summary>
/// <c>annuaire index --content DIR --out SOURCE</c>: publishes the index of the valid offers as a new
/// version of the folder replicas serve (<see cref="IndexVersionStore"/>); <c>--activer VERSION</c>
/// points the manifest back at an existing version (rollback) without building.
/// </summary>
internal static class IndexCommand
{
    public static Command Create(CliConsole console)
    {
        var content = CliOptions.Content();
        var folder = CliOptions.LegacyContentArgument();
        var output = new Option<string>("--out") { Description = "Dossier des versions de l'index (Annuaire:IndexSource des répliques).", Required = true };
        var keep = new Option<int>("--garder") { Description = "Versions gardées, les plus récentes (par défaut : 10) ; celle en service n'est jamais supprimée.", DefaultValueFactory = _ => 10 };
        var activate = new Option<string?>("--activer") { Description = "Remet en service une version déjà publiée (retour arrière), sans rien construire." };
        var command = new Command("index", "Publie l'index de recherche comme nouvelle version d'un dossier partagé (les fichiers en erreur sont ignorés et listés).") { content, folder, output, keep, activate };
        keep.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--garder doit valoir au moins 1.");
            }
        });
        command.SetAction(result =>
        {
            var store = new IndexVersionStore(result.GetValue(output)!);
            if (result.GetValue(activate) is { } id)
            {
                var restored = store.Activate(id, console.Clock);
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Version {restored.Id} remise en service ({restored.Offers} offres) : les répliques la chargeront à leur prochaine vérification."));
                return ExitCodes.Ok;
            }

            var dir = CliOptions.ContentFolder(result, content, folder);
            var started = Stopwatch.GetTimestamp();
            var catalog = ContentLoader.Load(dir, ValidationOptions.ForToday(console.Clock));
            DiagnosticFormatter.WriteText(console.Error, dir, catalog.Diagnostics.Where(d => d.IsError));
            var published = store.Publish(catalog, console.Clock, result.GetValue(keep));
            console.Out.WriteLine(published.Reused
                ? $"Version {published.Version.Id} déjà en service pour ce contenu : rien à publier."
                : string.Create(CultureInfo.InvariantCulture,
                    $"Version {published.Version.Id} publiée dans {store.Root} : {published.Version.Offers} offres en {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s ({catalog.ErrorCount} fichier(s) en erreur ignoré(s))."));
            foreach (var removed in published.Removed)
            {
                console.Out.WriteLine($"Ancienne version supprimée : {removed}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
