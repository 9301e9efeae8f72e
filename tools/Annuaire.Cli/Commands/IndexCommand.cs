using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Annuaire.Content;
using Annuaire.Content.Parsing;
using Annuaire.Search;

namespace Annuaire.Cli.Commands;

/// <summary><c>annuaire index DIR --out INDEX</c>: writes an on-disk index of the valid offers.</summary>
internal static class IndexCommand
{
    public static Command Create(CliConsole console)
    {
        var content = CliOptions.Content();
        var folder = CliOptions.LegacyContentArgument();
        var output = new Option<string>("--out") { Description = "Dossier où écrire l'index.", Required = true };
        var command = new Command("index", "Construit l'index de recherche sur disque (les fichiers en erreur sont ignorés et listés).") { content, folder, output };
        command.SetAction(result =>
        {
            var dir = CliOptions.ContentFolder(result, content, folder);
            var started = Stopwatch.GetTimestamp();
            var catalog = ContentLoader.Load(dir, ValidationOptions.ForToday(console.Clock));
            DiagnosticFormatter.WriteText(console.Error, dir, catalog.Diagnostics.Where(d => d.IsError));
            var count = OfferSearchEngine.WriteIndex(catalog, result.GetValue(output)!);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Index écrit dans {result.GetValue(output)} : {count} offres en {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s ({catalog.ErrorCount} fichier(s) en erreur ignoré(s))."));
            return ExitCodes.Ok;
        });
        return command;
    }
}
