using System.CommandLine;
using System.Globalization;
using Annuaire.Content;
using Annuaire.Content.Exchange;
using Annuaire.Content.Parsing;

namespace Annuaire.Cli.Commands;

/// <summary><c>annuaire export [--content DIR] --out DIR</c>: services.json, structures.json and services.csv.</summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var content = CliOptions.Content();
        var folder = CliOptions.LegacyContentArgument();
        var schema = new Option<string>("--schema") { Description = "Schéma d'échange.", DefaultValueFactory = _ => "data-inclusion" };
        schema.AcceptOnlyFromAmong("data-inclusion");
        var output = new Option<string>("--out") { Description = "Dossier de sortie.", Required = true };
        var source = new Option<string>("--source") { Description = "Identifiant de producteur data·inclusion.", DefaultValueFactory = _ => "annuaire" };
        var baseUrl = new Option<string?>("--url-site") { Description = "Adresse publique du site, pour lien_source (ex. https://annuaire.example.org)." };
        var command = new Command("export", "Exporte les offres au schéma data·inclusion v1.") { content, folder, schema, output, source, baseUrl };
        command.SetAction(result =>
        {
            var options = ValidationOptions.ForToday(console.Clock);
            var catalog = ContentLoader.Load(CliOptions.ContentFolder(result, content, folder), options);
            var site = result.GetValue(baseUrl)?.TrimEnd('/');
            var services = DataInclusionExporter.Services(catalog.Offers, result.GetValue(source)!, site is null ? null : o => $"{site}/offres/{o.Id}", options.Today);
            var structures = DataInclusionExporter.Structures(services, catalog.Offers, catalog.Referentials, result.GetValue(source)!);
            var dir = Path.GetFullPath(result.GetValue(output)!);
            DataInclusionFiles.Write(dir, services, structures);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{services.Count} services et {structures.Count} structures exportés dans {dir}."));
            return catalog.ErrorCount > 0 ? ExitCodes.InvalidContent : ExitCodes.Ok;
        });
        return command;
    }
}
